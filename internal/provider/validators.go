package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

// endpointValidator checks an attribute of endpoints at plan time with the
// same rule Configure applies to its environment variable.
type endpointValidator struct{}

var _ validator.String = endpointValidator{}

func (endpointValidator) Description(context.Context) string {
	return "value must be an https URL, or an http URL to a loopback host"
}

func (v endpointValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (endpointValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := validateEndpoint(req.Path.String(), req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Twilio endpoint", err.Error())
	}
}

// sidValidator checks at plan time that a value is a SID with prefix.
func sidValidator(prefix string) validator.String {
	return stringvalidator.RegexMatches(sid.Pattern(prefix), "must be "+prefix+" followed by 32 hexadecimal digits")
}

// needsIdentitiesValidator refuses a true bool when identities is not set:
// allow_missing, which means nothing when every user of a service is read.
// false, the default, is accepted as if left out.
type needsIdentitiesValidator struct{}

var _ validator.Bool = needsIdentitiesValidator{}

func (needsIdentitiesValidator) Description(context.Context) string {
	return "can be true only when identities is set"
}

func (v needsIdentitiesValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (needsIdentitiesValidator) ValidateBool(ctx context.Context, req validator.BoolRequest, resp *validator.BoolResponse) {
	if !req.ConfigValue.ValueBool() {
		return
	}
	var identities types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("identities"), &identities)...)
	if !resp.Diagnostics.HasError() && identities.IsNull() {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Combination",
			req.Path.String()+" = true needs identities: without identities every user of the service is read, so none can be missing. "+
				"Set identities, or remove "+req.Path.String()+".")
	}
}
