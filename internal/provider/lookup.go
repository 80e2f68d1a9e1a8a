package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// lookup is one resource asked for by sid or by another unique field
// (a user's identity, a role's friendly_name).
type lookup struct {
	field string // "sid", "identity", "friendly_name"
	value string
}

// lookupOf is the lookup by sid when it is set, else by the other field.
func lookupOf(sidValue types.String, field string, other types.String) lookup {
	if !sidValue.IsNull() && !sidValue.IsUnknown() {
		return lookup{field: "sid", value: sidValue.ValueString()}
	}
	return lookup{field: field, value: other.ValueString()}
}

func (l lookup) bySid() bool { return l.field == "sid" }

// key describes the lookup for errors: `with identity "jing" in service IS…`.
func (l lookup) key(where string) string {
	return fmt.Sprintf("with %s %q in %s", l.field, l.value, where)
}

// check makes sure Twilio answered for what was asked: a proxy or a
// misrouted request must not put another resource in state. gotSid and
// gotOther are the answer's sid and its value of the lookup's other field.
func (l lookup) check(resource string, gotSid, gotOther *string) diag.Diagnostics {
	var diags diag.Diagnostics
	got := gotOther
	if l.bySid() {
		got = gotSid
	}
	if got != nil && *got == l.value {
		return diags
	}
	diags.AddError("Twilio returned a different "+resource, fmt.Sprintf(
		"Asked for the %s with %s %q, but Twilio returned one whose %s is %s (sid %s). Nothing was written to state.",
		resource, l.field, l.value, l.field, stringOrNull(got), stringOrNull(gotSid)))
	return diags
}
