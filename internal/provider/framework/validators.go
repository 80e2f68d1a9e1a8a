package framework

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

// MaxPathSegmentBytes keeps a name that goes in a request's path (a
// user's identity, a service's unique name) well inside every URL length
// limit on the way to Twilio.
const MaxPathSegmentBytes = 1024

// PathSegmentValidators check a name that Twilio takes in a request's
// path: any characters are escaped, but "." and ".." would change the
// URL's meaning.
func PathSegmentValidators() []validator.String {
	return []validator.String{
		stringvalidator.LengthBetween(1, MaxPathSegmentBytes),
		stringvalidator.NoneOf(".", ".."),
	}
}

// SidValidator checks at plan time that a value is a SID with prefix.
func SidValidator(prefix string) validator.String {
	return stringvalidator.RegexMatches(sid.Pattern(prefix), "must be "+prefix+" followed by 32 hexadecimal digits")
}
