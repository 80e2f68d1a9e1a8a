package serverless

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework/flattentest"
)

const serviceURL = "https://serverless.twilio.com/v1/Services/ZS00000000000000000000000000000000"

func link(name string) types.Map {
	return types.MapValueMust(types.StringType, map[string]attr.Value{name: types.StringValue(serviceURL + "/" + name)})
}

func TestFlattenService(t *testing.T) {
	flattentest.Check(t, `{
  "sid": "ZS00000000000000000000000000000000", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "friendly_name": "default",
  "unique_name": "default", "include_credentials": true, "ui_editable": false, "domain_base": "default-1234",
  "date_created": "2018-11-10T20:00:00Z", "date_updated": "2018-11-10T20:00:01Z", "url": "`+serviceURL+`",
  "links": {"environments": "`+serviceURL+`/environments"}
}`, flattenService, map[string]attr.Value{
		"sid":                 types.StringValue("ZS00000000000000000000000000000000"),
		"account_sid":         types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"friendly_name":       types.StringValue("default"),
		"unique_name":         types.StringValue("default"),
		"include_credentials": types.BoolValue(true),
		"ui_editable":         types.BoolValue(false),
		"domain_base":         types.StringValue("default-1234"),
		"date_created":        timetypes.NewRFC3339ValueMust("2018-11-10T20:00:00Z"),
		"date_updated":        timetypes.NewRFC3339ValueMust("2018-11-10T20:00:01Z"),
		"url":                 types.StringValue(serviceURL),
		"links":               link("environments"),
	})
}

func TestFlattenEnvironment(t *testing.T) {
	flattentest.Check(t, `{
  "sid": "ZE00000000000000000000000000000000", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "service_sid": "ZS00000000000000000000000000000000", "build_sid": "ZB00000000000000000000000000000000",
  "unique_name": "dev", "domain_suffix": "dev", "domain_name": "default-1234-dev.twil.io",
  "date_created": "2018-11-10T20:00:00Z", "date_updated": "2018-11-10T20:00:01Z", "url": "`+serviceURL+`/Environments/ZE00000000000000000000000000000000",
  "links": {"variables": "`+serviceURL+`/variables"}
}`, flattenEnvironment, map[string]attr.Value{
		"sid":           types.StringValue("ZE00000000000000000000000000000000"),
		"account_sid":   types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"build_sid":     types.StringValue("ZB00000000000000000000000000000000"),
		"unique_name":   types.StringValue("dev"),
		"domain_suffix": types.StringValue("dev"),
		"domain_name":   types.StringValue("default-1234-dev.twil.io"),
		"date_created":  timetypes.NewRFC3339ValueMust("2018-11-10T20:00:00Z"),
		"date_updated":  timetypes.NewRFC3339ValueMust("2018-11-10T20:00:01Z"),
		"url":           types.StringValue(serviceURL + "/Environments/ZE00000000000000000000000000000000"),
		"links":         link("variables"),
	})
}

func TestFlattenFunction(t *testing.T) {
	flattentest.Check(t, `{
  "sid": "ZH00000000000000000000000000000000", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "service_sid": "ZS00000000000000000000000000000000", "friendly_name": "/hello",
  "date_created": "2018-11-10T20:00:00Z", "date_updated": "2018-11-10T20:00:01Z", "url": "`+serviceURL+`/Functions/ZH00000000000000000000000000000000",
  "links": {"function_versions": "`+serviceURL+`/function_versions"}
}`, flattenFunction, map[string]attr.Value{
		"sid":           types.StringValue("ZH00000000000000000000000000000000"),
		"account_sid":   types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"friendly_name": types.StringValue("/hello"),
		"date_created":  timetypes.NewRFC3339ValueMust("2018-11-10T20:00:00Z"),
		"date_updated":  timetypes.NewRFC3339ValueMust("2018-11-10T20:00:01Z"),
		"url":           types.StringValue(serviceURL + "/Functions/ZH00000000000000000000000000000000"),
		"links":         link("function_versions"),
	})
}
