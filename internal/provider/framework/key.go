package framework

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Key is what one object is asked for by: its sid, or another field that
// names it (a user's identity, a role's friendly_name).
type Key struct {
	Field string // "sid", "identity", "friendly_name"
	Value string
}

// BySid says whether the object is asked for by its sid.
func (k Key) BySid() bool { return k.Field == "sid" }

// In describes the key for errors: `with identity "jing" in service IS…`.
func (k Key) In(where string) string {
	return fmt.Sprintf("with %s %q in %s", k.Field, k.Value, where)
}

// Check makes sure Twilio answered for what was asked: a proxy or a
// misrouted request must not put another resource in state. gotSid and
// gotOther are the answer's sid and its value of the key's other field.
func (k Key) Check(resource string, gotSid, gotOther *string) diag.Diagnostics {
	var diags diag.Diagnostics
	got := gotOther
	if k.BySid() {
		got = gotSid
	}
	if got != nil && *got == k.Value {
		return diags
	}
	diags.AddError("Twilio returned a different "+resource, fmt.Sprintf(
		"Asked for the %s with %s %q, but Twilio returned one whose %s is %s (sid %s). Nothing was written to state.",
		resource, k.Field, k.Value, k.Field, StringOrNull(got), StringOrNull(gotSid)))
	return diags
}
