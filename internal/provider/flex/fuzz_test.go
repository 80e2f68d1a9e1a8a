package flex

import (
	"encoding/json"
	"testing"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
	flexapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/flex"
)

// FuzzDecodeAndFlattenConfiguration: any response body gives state or
// an error, never a panic; an untyped value is null exactly when Twilio's
// is, and otherwise the JSON text Twilio sent, valid JSON.
func FuzzDecodeAndFlattenConfiguration(f *testing.F) {
	for _, seed := range []string{
		flexConfigurationJSON,
		`{"attributes":null,"ui_attributes":"{\"a\":1}","serverless_service_sids":null,"status":null}`,
		`{"taskrouter_skills":[ 1 , {"x":[]} ],"markdown":{},"date_created":"soon"}`,
		`{"serverless_service_sids":[null,"ZS1"]}`, `{"crm_enabled":"yes"}`, `[1]`, `{`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var c flexapi.Configuration
		if err := twilio.DecodeObject(body, &c); err != nil {
			return
		}
		var m configurationModel
		if diags := flattenConfiguration(&c, &m); diags.HasError() {
			return
		}
		for raw, v := range map[*json.RawMessage]interface {
			IsNull() bool
			ValueString() string
		}{&c.Attributes: m.Attributes, &c.TaskrouterSkills: m.TaskrouterSkills, &c.UIAttributes: m.UIAttributes, &c.OfflineConfig: m.OfflineConfig} {
			null := len(*raw) == 0 || string(*raw) == "null"
			if v.IsNull() != null || (!null && (v.ValueString() != string(*raw) || !json.Valid([]byte(v.ValueString())))) {
				t.Fatalf("untyped value %q became %v for body %q", *raw, v, body)
			}
		}
		if (c.ServerlessServiceSids == nil) != m.ServerlessServiceSids.IsNull() || (c.CrmEnabled == nil) != m.CrmEnabled.IsNull() {
			t.Fatalf("null not kept for body %q", body)
		}
	})
}
