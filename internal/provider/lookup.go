package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

// maxIdentityBytes keeps an identity well inside every URL length limit on
// the way to Twilio.
const maxIdentityBytes = 1024

// sidValidator checks at plan time that a value is a SID with prefix.
func sidValidator(prefix string) validator.String {
	return stringvalidator.RegexMatches(sid.Pattern(prefix), "must be "+prefix+" followed by 32 hexadecimal digits")
}

// identityArgument is the optional identity of a user lookup.
func identityArgument() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("Identity of the user, case-sensitive, as your application assigned it (often a user name or an e-mail address). Any characters are accepted, including `/ ? # %% +`, spaces and Unicode; `.` and `..` are refused because they would change the meaning of the URL. At most %d bytes. Exactly one of `sid` and `identity` must be set; the other is read from Twilio.", maxIdentityBytes),
		Optional:            true,
		Computed:            true,
		Validators:          identityValidators(),
	}
}

func identityValidators() []validator.String {
	return []validator.String{
		stringvalidator.LengthBetween(1, maxIdentityBytes),
		stringvalidator.NoneOf(".", ".."),
	}
}

// userSidArgument is the optional sid of a user lookup.
func userSidArgument() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "SID of the user (`US` followed by 32 hex digits). Exactly one of `sid` and `identity` must be set; the other is read from Twilio.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{sidValidator(sid.User)},
	}
}

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

func stringOrNull(s *string) string {
	if s == nil {
		return "null"
	}
	return fmt.Sprintf("%q", *s)
}
