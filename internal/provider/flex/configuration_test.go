package flex

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework/flattentest"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
	flexapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/flex"
)

// flexConfigurationJSON sets every field of flex.v1.configuration; the
// untyped ones keep Twilio's spacing, which must reach state unchanged.
const flexConfigurationJSON = `{
  "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "date_created": "2016-08-01T22:10:40Z", "date_updated": "2016-08-01T22:10:41Z",
  "attributes": {"main_attribute": "some_attribute"}, "status": "ok",
  "taskrouter_workspace_sid": "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "taskrouter_target_workflow_sid": "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "taskrouter_target_taskqueue_sid": "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "taskrouter_taskqueues": [{"sid": "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "targettable": true}],
  "taskrouter_skills": [{"name": "sales", "multivalue": false, "minimum": 0, "maximum": 0}],
  "taskrouter_worker_channels": {"agent": [{"name": "default", "availability": true, "capacity": 1}]},
  "taskrouter_worker_attributes": {"agent": {"region": "us-east"}},
  "taskrouter_offline_activity_sid": "WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "runtime_domain": "https://flex.twilio.com",
  "messaging_service_instance_sid": "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "chat_service_instance_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "flex_service_instance_sid": "ISbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "flex_instance_sid": "GOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "ui_language": "en", "ui_attributes": {}, "ui_dependencies": {"@twilio/flex-ui": "~1.0"}, "ui_version": "1.0", "service_version": "1.1",
  "call_recording_enabled": true, "call_recording_webhook_url": "https://www.example.com/call-recording",
  "crm_enabled": false, "crm_type": "custom", "crm_callback_url": "https://crm.com/a", "crm_fallback_url": "https://crm.com/b",
  "crm_attributes": {"crm_attribute": "some_crm"}, "public_attributes": {"public": "test"},
  "plugin_service_enabled": true, "plugin_service_attributes": {"agent-logger": "^3.10.5"},
  "integrations": [{"name": "twilio", "active": true, "config": "{\"callback\":\"twilio.com/cb\"}"}],
  "outbound_call_flows": {"default": {"caller_id": "+12345"}},
  "serverless_service_sids": ["ZSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "ZSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
  "queue_stats_configuration": {"default": {"service_level_threshold": 20}}, "notifications": {"enabled": true, "mode": "whenNotInFocus"},
  "markdown": {"enabled": false}, "url": "https://flex-api.twilio.com/v1/Configuration",
  "flex_insights_hr": {"advanced_reporting_enabled": true}, "flex_insights_drilldown": false, "flex_url": "https://flex.twilio.com",
  "channel_configs": [{"address_type": "sms", "cbm_attachments": {"max_file_size": 157286400}}],
  "debugger_integration": {"enabled": false}, "flex_ui_status_report": {"enabled": false},
  "agent_conv_end_methods": {"enabled": ["Leave"]}, "citrix_voice_vdi": {"enabled": false}, "offline_config": {"presence": true, "presence_ttl": 30}
}`

func TestFlattenConfiguration(t *testing.T) {
	j := jsontypes.NewNormalizedValue
	s := types.StringValue
	flattentest.Check(t, flexConfigurationJSON, flattenConfiguration, map[string]attr.Value{
		"account_sid":                     s("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"date_created":                    timetypes.NewRFC3339ValueMust("2016-08-01T22:10:40Z"),
		"date_updated":                    timetypes.NewRFC3339ValueMust("2016-08-01T22:10:41Z"),
		"attributes":                      j(`{"main_attribute": "some_attribute"}`),
		"status":                          s("ok"),
		"taskrouter_workspace_sid":        s("WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"taskrouter_target_workflow_sid":  s("WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"taskrouter_target_taskqueue_sid": s("WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"taskrouter_taskqueues":           j(`[{"sid": "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "targettable": true}]`),
		"taskrouter_skills":               j(`[{"name": "sales", "multivalue": false, "minimum": 0, "maximum": 0}]`),
		"taskrouter_worker_channels":      j(`{"agent": [{"name": "default", "availability": true, "capacity": 1}]}`),
		"taskrouter_worker_attributes":    j(`{"agent": {"region": "us-east"}}`),
		"taskrouter_offline_activity_sid": s("WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"runtime_domain":                  s("https://flex.twilio.com"),
		"messaging_service_instance_sid":  s("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"chat_service_instance_sid":       s("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"flex_service_instance_sid":       s("ISbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"),
		"flex_instance_sid":               s("GOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"ui_language":                     s("en"),
		"ui_attributes":                   j(`{}`),
		"ui_dependencies":                 j(`{"@twilio/flex-ui": "~1.0"}`),
		"ui_version":                      s("1.0"),
		"service_version":                 s("1.1"),
		"call_recording_enabled":          types.BoolValue(true),
		"call_recording_webhook_url":      s("https://www.example.com/call-recording"),
		"crm_enabled":                     types.BoolValue(false),
		"crm_type":                        s("custom"),
		"crm_callback_url":                s("https://crm.com/a"),
		"crm_fallback_url":                s("https://crm.com/b"),
		"crm_attributes":                  j(`{"crm_attribute": "some_crm"}`),
		"public_attributes":               j(`{"public": "test"}`),
		"plugin_service_enabled":          types.BoolValue(true),
		"plugin_service_attributes":       j(`{"agent-logger": "^3.10.5"}`),
		"integrations":                    j(`[{"name": "twilio", "active": true, "config": "{\"callback\":\"twilio.com/cb\"}"}]`),
		"outbound_call_flows":             j(`{"default": {"caller_id": "+12345"}}`),
		"serverless_service_sids": types.ListValueMust(types.StringType, []attr.Value{
			s("ZSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"), s("ZSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		}),
		"queue_stats_configuration": j(`{"default": {"service_level_threshold": 20}}`),
		"notifications":             j(`{"enabled": true, "mode": "whenNotInFocus"}`),
		"markdown":                  j(`{"enabled": false}`),
		"url":                       s("https://flex-api.twilio.com/v1/Configuration"),
		"flex_insights_hr":          j(`{"advanced_reporting_enabled": true}`),
		"flex_insights_drilldown":   types.BoolValue(false),
		"flex_url":                  s("https://flex.twilio.com"),
		"channel_configs":           j(`[{"address_type": "sms", "cbm_attachments": {"max_file_size": 157286400}}]`),
		"debugger_integration":      j(`{"enabled": false}`),
		"flex_ui_status_report":     j(`{"enabled": false}`),
		"agent_conv_end_methods":    j(`{"enabled": ["Leave"]}`),
		"citrix_voice_vdi":          j(`{"enabled": false}`),
		"offline_config":            j(`{"presence": true, "presence_ttl": 30}`),
	})
}

func TestFlattenConfiguration_configuredUIVersionIsKept(t *testing.T) {
	m := configurationModel{UIVersion: types.StringValue("1.34")}
	if diags := flattenConfiguration(&flexapi.Configuration{UIVersion: flattentest.Ptr("1.34.2")}, &m); diags.HasError() {
		t.Fatal(diags)
	}
	if m.UIVersion.ValueString() != "1.34" {
		t.Fatalf("ui_version = %s", m.UIVersion)
	}
}

func TestFlattenConfiguration_absentFieldsAreNull(t *testing.T) {
	var m configurationModel
	if diags := flattenConfiguration(&flexapi.Configuration{}, &m); diags.HasError() {
		t.Fatal(diags)
	}
	for name, v := range flattentest.Values(&m) {
		if !v.IsNull() {
			t.Errorf("%s = %s, want null", name, v)
		}
	}
}

func TestConfigurationError_accountWithoutFlex(t *testing.T) {
	credentials := "account_sid/auth_token (account AC1)"
	for _, tc := range []struct {
		err                 error
		summary, detailPart string
	}{
		{&twilio.APIError{StatusCode: 404, Code: 20404, Message: "The requested resource /Configuration was not found", MoreInfo: "https://www.twilio.com/docs/errors/20404"},
			"flex configuration not found", "The account has no Flex configuration: Flex was never set up on it, or these credentials may not read it: " +
				"HTTP 404, Twilio error 20404: The requested resource /Configuration was not found; more info: https://www.twilio.com/docs/errors/20404."},
		{&twilio.APIError{StatusCode: 403, Code: 20003, Message: "Permission Denied"}, "flex configuration not found", "The account has no Flex configuration: " +
			"Flex was never set up on it, or these credentials may not read it: HTTP 403, Twilio error 20003: Permission Denied."},
		{&twilio.APIError{StatusCode: 401, Code: 20003, Message: "Authenticate"}, "Twilio authentication failed", "refused the credentials account_sid/auth_token (account AC1) while reading the flex configuration of the account"},
		{&twilio.APIError{StatusCode: 403, Code: 20403, Message: "Service instance not found"}, "Twilio Flex API error", "Reading the flex configuration of the account: HTTP 403, Twilio error 20403"},
		{&twilio.APIError{StatusCode: 500, Code: 20500, Message: "Internal Server Error"}, "Twilio Flex API error", "Reading the flex configuration of the account: HTTP 500"},
	} {
		diags := framework.NewConn(nil, credentials, 3*time.Second).Error(configurationSubject, tc.err)
		if len(diags) != 1 || diags[0].Summary() != tc.summary || !strings.Contains(diags[0].Detail(), tc.detailPart) {
			t.Errorf("Error(%v) = %v; want %q containing %q", tc.err, diags, tc.summary, tc.detailPart)
		}
	}
}
