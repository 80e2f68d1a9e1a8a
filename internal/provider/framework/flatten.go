package framework

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// How Twilio's values go to state, null staying null.

// FlattenDate is an RFC 3339 date as returned; one that is not fails the
// read at its attribute name.
func FlattenDate(value *string, name string, diags *diag.Diagnostics) timetypes.RFC3339 {
	date, dateDiags := timetypes.NewRFC3339PointerValue(value)
	if dateDiags.HasError() {
		diags.AddAttributeError(path.Root(name), "Unexpected date from Twilio",
			fmt.Sprintf("Twilio returned %s = %q, which is not an RFC 3339 date-time.", name, *value))
		return timetypes.NewRFC3339Null()
	}
	return date
}

// FlattenLinks is Twilio's map of link names to URLs; null stays null.
func FlattenLinks(links map[string]*string, diags *diag.Diagnostics) types.Map {
	if links == nil {
		return types.MapNull(types.StringType)
	}
	values := make(map[string]attr.Value, len(links))
	for name, link := range links {
		values[name] = types.StringPointerValue(link)
	}
	m, d := types.MapValue(types.StringType, values)
	diags.Append(d...)
	return m
}

// FlattenStrings is a list of strings in Twilio's order; an empty list
// stays empty, null stays null.
func FlattenStrings(values []string, diags *diag.Diagnostics) types.List {
	if values == nil {
		return types.ListNull(types.StringType)
	}
	l, d := types.ListValueFrom(context.Background(), types.StringType, values)
	diags.Append(d...)
	return l
}

// FlattenJSON is a value the spec leaves untyped, as the JSON text Twilio
// sent; absent and null are null.
func FlattenJSON(raw json.RawMessage) jsontypes.Normalized {
	if len(raw) == 0 || string(raw) == "null" {
		return jsontypes.NewNormalizedNull()
	}
	return jsontypes.NewNormalizedValue(string(raw))
}

// FlattenJSONString is a string field that holds a JSON document (a
// workflow's configuration), as the text Twilio sent; one that is not
// JSON fails the read at its attribute name.
func FlattenJSONString(value *string, name string, diags *diag.Diagnostics) jsontypes.Normalized {
	if value != nil && !json.Valid([]byte(*value)) {
		diags.AddAttributeError(path.Root(name), "Unexpected "+name+" from Twilio",
			fmt.Sprintf("Twilio returned a %s that is not JSON, so it cannot be kept as JSON: %q.", name, excerpt(*value)))
		return jsontypes.NewNormalizedNull()
	}
	return jsontypes.NewNormalizedPointerValue(value)
}

// excerpt is the start of s, for diagnostics.
func excerpt(s string) string {
	const most = 80
	if len(s) <= most {
		return s
	}
	return s[:most] + "..."
}
