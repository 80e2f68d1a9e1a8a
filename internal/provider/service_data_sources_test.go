package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// serviceSource is one of the two service data sources, as the tests see it.
type serviceSource struct {
	name, resource       string
	fetchRoute           emulator.RouteName
	listRoute            emulator.RouteName
	version              string // "/v2" or "/v1"
	api                  emulator.API
	title                string // the API, as errors name it
	chatOnlyAttributeSet bool   // whether the API has Chat's many attributes
}

var (
	chatServiceSource = serviceSource{
		name: "twilio_chat_service", resource: "chat service", fetchRoute: emulator.RouteChatService, listRoute: emulator.RouteChatServices,
		version: "/v2", api: emulator.APIChat, title: "Twilio Chat API", chatOnlyAttributeSet: true,
	}
	conversationsServiceSource = serviceSource{
		name: "twilio_conversations_service", resource: "conversations service", fetchRoute: emulator.RouteConversationsService,
		listRoute: emulator.RouteConversationsServices, version: "/v1", api: emulator.APIConversations, title: "Twilio Conversations API",
	}
	serviceSources = []serviceSource{chatServiceSource, conversationsServiceSource}
)

func (s serviceSource) addr(name string) string { return "data." + s.name + "." + name }

func (s serviceSource) byName(name, serviceName string) string {
	return dataBlock(s.name, name, str("friendly_name", serviceName))
}

func (s serviceSource) bySid(name, sid string) string {
	return dataBlock(s.name, name, str("sid", sid))
}

// listRead is the requests of one read of the services, served size a page.
func (s serviceSource) listRead(size int, lastSeqs ...uint64) []string {
	return listRead(s.listRoute, s.version+"/Services", 100, size, lastSeqs...)
}

func (s serviceSource) fetched(status int, sid string) string {
	return fmt.Sprintf("%d %s %s/Services/%s?", status, s.fetchRoute, s.version, sid)
}

func serviceSidOf(i int) string { return fmt.Sprintf("IS%032d", i) }

// putServices stores services named names, with sids serviceSidOf(1),
// serviceSidOf(2) and so on.
func putServices(emu *emulator.Server, names ...string) {
	for i, name := range names {
		emu.PutService(emulator.NewService(emu.URL(), testAccountSid, serviceSidOf(1+i), name))
	}
}

// serviceChecks checks every attribute of the service NewService makes with
// sid and name, on s's API, but timeouts.
func (s serviceSource) serviceChecks(emu *emulator.Server, addr, sid, name string) []statecheck.StateCheck {
	full := emulator.NewService(emu.URL(), testAccountSid, sid, name)
	url := emu.URL() + s.version + "/Services/" + sid
	checks := []statecheck.StateCheck{
		expectAttr(addr, "sid", knownvalue.StringExact(sid)),
		expectAttr(addr, "friendly_name", knownvalue.StringExact(name)),
		expectAttr(addr, "account_sid", knownvalue.StringExact(testAccountSid)),
		expectAttr(addr, "date_created", knownvalue.StringExact("2015-07-30T20:00:00Z")),
		expectAttr(addr, "date_updated", knownvalue.StringExact("2015-07-30T20:00:00Z")),
		expectAttr(addr, "url", knownvalue.StringExact(url)),
	}
	if !s.chatOnlyAttributeSet {
		return append(checks, expectAttr(addr, "links", knownvalue.MapExact(map[string]knownvalue.Check{
			"conversations":                  knownvalue.StringExact(url + "/Conversations"),
			"users":                          knownvalue.StringExact(url + "/Users"),
			"roles":                          knownvalue.StringExact(url + "/Roles"),
			"bindings":                       knownvalue.StringExact(url + "/Bindings"),
			"configuration":                  knownvalue.StringExact(url + "/Configuration"),
			"participant_conversations":      knownvalue.StringExact(url + "/ParticipantConversations"),
			"conversation_with_participants": knownvalue.StringExact(url + "/ConversationWithParticipants"),
		})))
	}
	return append(checks,
		expectAttr(addr, "default_service_role_sid", knownvalue.StringExact(userField(full, "default_service_role_sid"))),
		expectAttr(addr, "default_channel_role_sid", knownvalue.StringExact(userField(full, "default_channel_role_sid"))),
		expectAttr(addr, "default_channel_creator_role_sid", knownvalue.StringExact(userField(full, "default_channel_creator_role_sid"))),
		expectAttr(addr, "read_status_enabled", knownvalue.Bool(true)),
		expectAttr(addr, "reachability_enabled", knownvalue.Bool(false)),
		expectAttr(addr, "typing_indicator_timeout", knownvalue.Int64Exact(5)),
		expectAttr(addr, "consumption_report_interval", knownvalue.Int64Exact(10)),
		// The untyped objects, exactly as the emulator encoded them.
		expectAttr(addr, "limits", knownvalue.StringExact(`{"channel_members":100,"user_channels":250}`)),
		expectAttr(addr, "notifications", knownvalue.StringExact(`{"log_enabled":false,"new_message":{"enabled":true,"template":"A New message in ${CHANNEL} from ${USER}: ${MESSAGE}"}}`)),
		expectAttr(addr, "media", knownvalue.StringExact(`{"compatibility_message":"media compatibility message","size_limit_mb":150}`)),
		expectAttr(addr, "pre_webhook_url", knownvalue.StringExact("https://hooks.example.com/pre")),
		expectAttr(addr, "post_webhook_url", knownvalue.StringExact("https://hooks.example.com/post")),
		expectAttr(addr, "webhook_method", knownvalue.StringExact("POST")),
		expectAttr(addr, "webhook_filters", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("onMessageSend"), knownvalue.StringExact("onChannelAdded")})),
		expectAttr(addr, "pre_webhook_retry_count", knownvalue.Int64Exact(2)),
		expectAttr(addr, "post_webhook_retry_count", knownvalue.Int64Exact(3)),
		expectAttr(addr, "links", knownvalue.MapExact(map[string]knownvalue.Check{
			"channels": knownvalue.StringExact(url + "/Channels"),
			"users":    knownvalue.StringExact(url + "/Users"),
			"roles":    knownvalue.StringExact(url + "/Roles"),
			"bindings": knownvalue.StringExact(url + "/Bindings"),
		})),
	)
}

// nullService is a service whose every field is null but its sid.
func nullService(sid string) map[string]any {
	m := map[string]any{"sid": sid}
	for _, name := range []string{"account_sid", "friendly_name", "date_created", "date_updated", "default_service_role_sid",
		"default_channel_role_sid", "default_channel_creator_role_sid", "read_status_enabled", "reachability_enabled",
		"typing_indicator_timeout", "consumption_report_interval", "limits", "pre_webhook_url", "post_webhook_url", "webhook_method",
		"webhook_filters", "pre_webhook_retry_count", "post_webhook_retry_count", "notifications", "media", "url", "links"} {
		m[name] = nil
	}
	return m
}

func TestAccChatServiceAndConversationsService_everyAttributeBySidAndByName(t *testing.T) {
	for _, s := range serviceSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			putServices(emu, "Flex Chat Service")
			emu.PutService(nullService(serviceSidOf(2)))
			nulls := []string{"friendly_name", "account_sid", "date_created", "date_updated", "url", "links"}
			if s.chatOnlyAttributeSet {
				nulls = append(nulls, "default_service_role_sid", "default_channel_role_sid", "default_channel_creator_role_sid",
					"read_status_enabled", "reachability_enabled", "typing_indicator_timeout", "consumption_report_interval", "limits",
					"pre_webhook_url", "post_webhook_url", "webhook_method", "webhook_filters", "pre_webhook_retry_count",
					"post_webhook_retry_count", "notifications", "media")
			}
			checks := append(s.serviceChecks(emu, s.addr("by_sid"), serviceSidOf(1), "Flex Chat Service"),
				s.serviceChecks(emu, s.addr("by_name"), serviceSidOf(1), "Flex Chat Service")...)
			checks = append(checks, expectAttr(s.addr("by_sid"), "timeouts", knownvalue.Null()),
				expectAttr(s.addr("null"), "sid", knownvalue.StringExact(serviceSidOf(2))))
			checks = append(checks, expectNulls(s.addr("null"), nulls...)...)
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + s.bySid("by_sid", serviceSidOf(1)) + s.byName("by_name", "Flex Chat Service") +
					s.bySid("null", serviceSidOf(2)),
				ConfigStateChecks: checks,
			})
			expectReads(t, emu, true, s.fetched(200, serviceSidOf(1)), s.fetched(200, serviceSidOf(2)), s.listRead(100)[0])
		})
	}
}

func TestAccChatServiceDataSource_countsTwilioLeavesOutAreZero(t *testing.T) {
	emu := startBareEmulator(t)
	emu.PutService(map[string]any{"sid": serviceSidOf(1), "friendly_name": "terse"})
	addr := chatServiceSource.addr("terse")
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + chatServiceSource.byName("terse", "terse"),
		ConfigStateChecks: append([]statecheck.StateCheck{
			expectAttr(addr, "typing_indicator_timeout", knownvalue.Int64Exact(0)),
			expectAttr(addr, "consumption_report_interval", knownvalue.Int64Exact(0)),
			expectAttr(addr, "pre_webhook_retry_count", knownvalue.Int64Exact(0)),
			expectAttr(addr, "post_webhook_retry_count", knownvalue.Int64Exact(0)),
		}, expectNulls(addr, "limits", "notifications", "media", "webhook_filters", "links", "url")...),
	})
}

func TestAccChatServiceAndConversationsService_byNameOnTheLastOfThreePages(t *testing.T) {
	for _, s := range serviceSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			emu.SetMaxPageSize(2)
			putServices(emu, "Support", "Sales", "Staging", "Ops", "Flex Chat Service")
			accTest(t, resource.TestStep{
				Config:            providerBlock(emu) + s.byName("flex", "Flex Chat Service"),
				ConfigStateChecks: s.serviceChecks(emu, s.addr("flex"), serviceSidOf(5), "Flex Chat Service"),
			})
			expectReads(t, emu, false, s.listRead(2, 2, 4)...)
		})
	}
}

func TestAccChatServiceAndConversationsService_faults(t *testing.T) {
	for _, s := range serviceSources {
		t.Run(s.name+"/list page 503 is retried", func(t *testing.T) {
			emu := startBareEmulator(t)
			emu.SetMaxPageSize(2)
			putServices(emu, "Support", "Sales", "Staging", "Ops", "Flex Chat Service")
			emu.InjectRouteFaults(s.listRoute, emulator.Fault{}, emulator.Fault{Status: 503})
			accTest(t, resource.TestStep{
				Config:            providerBlock(emu) + s.byName("flex", "Flex Chat Service"),
				ConfigStateChecks: []statecheck.StateCheck{expectAttr(s.addr("flex"), "sid", knownvalue.StringExact(serviceSidOf(5)))},
			})
			expectSecondPageRetried(t, emu, s.listRead(2, 2, 4))
		})
		t.Run(s.name+"/unknown sid", func(t *testing.T) {
			emu := startBareEmulator(t)
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + s.bySid("flex", serviceSidOf(9)),
				ExpectError: errorPattern(s.resource+" not found",
					fmt.Sprintf(`No %s with sid %q in the account: HTTP 404, Twilio error 20404: The requested resource %s/Services/%s was not found`,
						s.resource, serviceSidOf(9), s.version, serviceSidOf(9))),
			})
		})
		t.Run(s.name+"/list that keeps failing", func(t *testing.T) {
			emu := startBareEmulator(t)
			putServices(emu, "Flex Chat Service")
			emu.SetRouteFaultForever(s.listRoute, &emulator.Fault{Status: 500})
			accTest(t, resource.TestStep{
				Config: providerBlock(emu, "max_retries = 1") + s.byName("flex", "Flex Chat Service"),
				ExpectError: errorPattern(s.title+" error",
					fmt.Sprintf(`Reading the %s named "Flex Chat Service" in the account: page 1 of the list (0 read before it): HTTP 500, Twilio error 20500`, s.resource)),
			})
			expectReads(t, emu, false, withStatus(500, s.listRead(100)[0]), withStatus(500, s.listRead(100)[0]))
		})
		t.Run(s.name+"/HTML instead of JSON", func(t *testing.T) {
			emu := startBareEmulator(t)
			putServices(emu, "Flex Chat Service")
			emu.SetRouteFaultForever(s.fetchRoute, &emulator.Fault{Status: 200, Body: "<html>proxy login</html>", ContentType: "text/html"})
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + s.bySid("flex", serviceSidOf(1)),
				ExpectError: errorPattern("Unexpected response from Twilio",
					fmt.Sprintf(`Reading the %s with sid %q in the account`, s.resource, serviceSidOf(1)), `body starts: "<html>proxy login</html>"`),
			})
		})
	}
}
