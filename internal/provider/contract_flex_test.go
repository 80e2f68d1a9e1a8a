package provider

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/contract"
)

// The Flex contract test runs the provider against a Prism serving Twilio's
// twilio_flex_v1.json (`make contract` starts it and sets
// TWILIO_CONTRACT_FLEX_ENDPOINT): every attribute in state must be the
// spec's own example, field by field, the untyped ones as JSON equal to
// the example's; UiVersion is a query the spec accepts.
func TestAccContract_flexConfigurationEqualsTheSpecExample(t *testing.T) {
	endpoint := prismEndpoint(t, contract.FlexV1, "TWILIO_CONTRACT_FLEX_ENDPOINT")
	example := fetchExample(t, contract.FlexV1, "/v1/Configuration")
	if example["flex_service_instance_sid"] != exampleServiceSid || example["ui_version"] != "1.0" {
		t.Fatalf("the spec's example changed: flex_service_instance_sid %v, ui_version %v", example["flex_service_instance_sid"], example["ui_version"])
	}
	body, err := json.Marshal(example)
	if err != nil {
		t.Fatal(err)
	}
	likeTheExample := func(raw string) knownvalue.Check {
		var want any
		if err := json.Unmarshal([]byte(raw), &want); err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		return jsonEqual(want)
	}
	checks := append(flexStateChecks(t, flexAddr, body, likeTheExample),
		flexStateChecks(t, "data.twilio_flex_configuration.pinned", body, likeTheExample)...)

	proxy := startRecordingProxy(t, endpoint)
	accTest(t, resource.TestStep{
		Config: `
provider "twilio" {
  account_sid = "` + exampleAccountSid + `"
  auth_token  = "contract-test-token"
  endpoints   = { flex = "` + proxy.URL + `" }
}
` + flexConfig() + dataBlock("twilio_flex_configuration", "pinned", str("ui_version", "1.0")),
		ConfigStateChecks: checks,
	})
	expectPrismSaw(t, proxy, "/v1/Configuration")
}
