package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/contract"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chat"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/conversations"
)

// The services in state are the specs' own examples, as Prism serves them:
// the fetch example by sid, and by name the list example (Conversations'
// readFull; Chat's first list example, readEmpty, has no service, so the
// lookup by name fails naming none).

func TestAccContract_chatServiceEqualsTheSpecExample(t *testing.T) {
	endpoint := contractEndpoint(t)
	example := fetchExample(t, contract.ChatV2, "/v2/Services/{Sid}")
	if example["sid"] != exampleServiceSid {
		t.Fatalf("the spec's example changed: sid %v", example["sid"])
	}
	proxy := startRecordingProxy(t, endpoint)
	accTest(t,
		resource.TestStep{
			Config:            contractProviderBlock(proxy) + dataBlock("twilio_chat_service", "flex", str("sid", exampleServiceSid)),
			ConfigStateChecks: exampleStateChecks(t, chat.NewServiceDataSource(), "data.twilio_chat_service.flex", example),
		},
		resource.TestStep{
			Config: contractProviderBlock(proxy) + dataBlock("twilio_chat_service", "flex", str("friendly_name", "friendly_name")),
			ExpectError: errorPattern("chat service not found",
				`No chat service named "friendly_name" in the account; names are matched exactly, case included. The 0 services there: none.`),
		})
	expectPrismSaw(t, proxy, "/v2/Services/"+exampleServiceSid, "/v2/Services")
}

func TestAccContract_conversationsServiceEqualsTheSpecExamples(t *testing.T) {
	endpoint := contractConversationsEndpoint(t)
	fetched := fetchExample(t, contract.ConversationsV1, "/v1/Services/{Sid}")
	listed, _ := specExample(t, contract.ConversationsV1, "/v1/Services", "readFull")["services"].([]any)
	if len(listed) != 1 || fetched["sid"] != exampleServiceSid {
		t.Fatalf("the spec's examples changed: %d services listed, sid %v", len(listed), fetched["sid"])
	}
	first, _ := listed[0].(map[string]any)
	name, _ := first["friendly_name"].(string)
	checks := exampleStateChecks(t, conversations.NewServiceDataSource(), "data.twilio_conversations_service.by_sid", fetched)
	checks = append(checks, exampleStateChecks(t, conversations.NewServiceDataSource(), "data.twilio_conversations_service.by_name", first)...)
	proxy := startRecordingProxy(t, endpoint)
	accTest(t, resource.TestStep{
		Config: contractConversationsProviderBlock(proxy) +
			dataBlock("twilio_conversations_service", "by_sid", str("sid", exampleServiceSid)) +
			dataBlock("twilio_conversations_service", "by_name", str("friendly_name", name)),
		ConfigStateChecks: checks,
	})
	expectPrismSaw(t, proxy, "/v1/Services/"+exampleServiceSid, "/v1/Services")
}
