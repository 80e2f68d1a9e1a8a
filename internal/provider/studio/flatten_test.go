package studio

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework/flattentest"
	studioapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/studio"
)

const flowURL = "https://studio.twilio.com/v2/Flows/FW00000000000000000000000000000000"

func TestFlattenFlow(t *testing.T) {
	flattentest.Check(t, `{
  "sid": "FW00000000000000000000000000000000", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "friendly_name": "Voice IVR",
  "definition": {"description": "A New Flow", "states": [{"name": "Trigger", "type": "trigger", "properties": {}, "transitions": []}], "initial_state": "Trigger", "flags": {"allow_concurrent_calls": true}},
  "status": "published", "revision": 3, "commit_message": "first draft", "valid": true, "errors": [], "warnings": [{"message": "unused"}],
  "date_created": "2017-11-06T12:00:00Z", "date_updated": "2017-11-06T12:00:01Z", "webhook_url": "https://webhooks.twilio.com/v1/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Flows/FW00000000000000000000000000000000",
  "url": "`+flowURL+`", "links": {"revisions": "`+flowURL+`/Revisions"}
}`, flattenFlow, map[string]attr.Value{
		"sid":           types.StringValue("FW00000000000000000000000000000000"),
		"account_sid":   types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"friendly_name": types.StringValue("Voice IVR"),
		// Exactly the JSON Twilio sent.
		"definition":     jsontypes.NewNormalizedValue(`{"description": "A New Flow", "states": [{"name": "Trigger", "type": "trigger", "properties": {}, "transitions": []}], "initial_state": "Trigger", "flags": {"allow_concurrent_calls": true}}`),
		"status":         types.StringValue("published"),
		"revision":       types.Int64Value(3),
		"commit_message": types.StringValue("first draft"),
		"valid":          types.BoolValue(true),
		"errors":         jsontypes.NewNormalizedValue(`[]`),
		"warnings":       jsontypes.NewNormalizedValue(`[{"message": "unused"}]`),
		"date_created":   timetypes.NewRFC3339ValueMust("2017-11-06T12:00:00Z"),
		"date_updated":   timetypes.NewRFC3339ValueMust("2017-11-06T12:00:01Z"),
		"webhook_url":    types.StringValue("https://webhooks.twilio.com/v1/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Flows/FW00000000000000000000000000000000"),
		"url":            types.StringValue(flowURL),
		"links":          types.MapValueMust(types.StringType, map[string]attr.Value{"revisions": types.StringValue(flowURL + "/Revisions")}),
	})
}

// A definition of a mebibyte reaches state whole.
func TestFlattenFlow_largeDefinitionIsWhole(t *testing.T) {
	big := `{"states":[{"name":"Trigger","properties":{"note":"` + strings.Repeat("a", 1<<20) + `"}}]}`
	var f studioapi.Flow
	if err := f.UnmarshalJSON([]byte(`{"definition":` + big + `}`)); err != nil {
		t.Fatal(err)
	}
	var m flowModel
	if d := flattenFlow(&f, &m); d.HasError() {
		t.Fatal(flattentest.ErrorText(d))
	}
	if m.Definition.ValueString() != big || m.Revision.ValueInt64() != 0 {
		t.Fatalf("definition of %d bytes, revision %s; want %d bytes and 0", len(m.Definition.ValueString()), m.Revision, len(big))
	}
}
