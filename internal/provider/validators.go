package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
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
