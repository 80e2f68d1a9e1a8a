package framework

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

// SidValidator checks at plan time that a value is a SID with prefix.
func SidValidator(prefix string) validator.String {
	return stringvalidator.RegexMatches(sid.Pattern(prefix), "must be "+prefix+" followed by 32 hexadecimal digits")
}
