package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

const defaultReadTimeout = 30 * time.Second

// pluralReadTimeout is the plural data sources' default timeouts.read:
// 10,000 users at one second a page are 200 pages of Conversations' 50,
// with room for retries.
const pluralReadTimeout = 5 * time.Minute

// readTimeoutAttribute is the timeouts attribute of a data source whose
// default timeouts.read is def.
func readTimeoutAttribute(ctx context.Context, def time.Duration) schema.Attribute {
	written := def.String()
	if m, ok := strings.CutSuffix(written, "m0s"); ok {
		written = m + "m"
	}
	return timeouts.AttributesWithOpts(ctx, timeouts.Opts{ReadDescription: fmt.Sprintf(
		"Time limit of the whole read, retries and waits for the request budget included, as a duration such as \"30s\" or \"2h45m\" "+
			"(units \"s\", \"m\", \"h\"). Default %q.", written)})
}

// dataSourceBase is what every data source of the provider shares: its
// name, the provider's data from Configure, and the steps of a Read around
// the data source's own request. A data source embeds it and supplies its
// schema, its model, its flatten and a short Read.
type dataSourceBase struct {
	// name is the type name without the provider's prefix, e.g. "chat_user".
	name string
	data *providerData
	// readTimeout is the default timeouts.read; zero is defaultReadTimeout.
	readTimeout time.Duration
}

// defaultTimeout is the data source's default timeouts.read.
func (d *dataSourceBase) defaultTimeout() time.Duration {
	if d.readTimeout == 0 {
		return defaultReadTimeout
	}
	return d.readTimeout
}

// timeoutsAttribute is the timeouts attribute documenting the default that
// Read applies, for the data sources whose default is not defaultReadTimeout.
func (d *dataSourceBase) timeoutsAttribute(ctx context.Context) schema.Attribute {
	return readTimeoutAttribute(ctx, d.defaultTimeout())
}

func (d *dataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.name
}

func (d *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider.", req.ProviderData))
		return
	}
	d.data = data
}

// readClients is what a data source's fetch reads Twilio with: the clients,
// and what their errors need to be described (errorDiagnostics).
type readClients struct {
	*providerData
	readTimeout time.Duration
}

// read decodes the configuration into model (a pointer to the data source's
// model, whose timeouts field is readTimeouts), stops when the provider
// cannot serve reads yet, bounds the read by timeouts.read with the secrets
// masked from logs, runs fetch to fill the model from Twilio, and saves the
// model in state unless fetch reported an error: nothing half-read lands.
func (d *dataSourceBase) read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse,
	model any, readTimeouts *timeouts.Value, fetch func(context.Context, readClients) diag.Diagnostics) {
	resp.Diagnostics.Append(req.Config.Get(ctx, model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	typeName := "twilio_" + d.name
	if d.data == nil {
		resp.Diagnostics.AddError("Provider not configured", fmt.Sprintf("The twilio provider was not configured before %s was read. This is a bug in the provider or in Terraform.", typeName))
		return
	}
	if len(d.data.unknown) > 0 {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &datasource.Deferred{Reason: datasource.DeferredReasonProviderConfigUnknown}
			return
		}
		resp.Diagnostics.AddError("Provider configuration not known yet",
			fmt.Sprintf("The twilio provider's %s depends on values known only after apply, so %s cannot be read during this plan. "+
				"Apply the resources the provider configuration depends on first (for example with -target), then plan again.",
				strings.Join(d.data.unknown, ", "), typeName))
		return
	}
	readTimeout, diags := readTimeouts.Read(ctx, d.defaultTimeout())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(maskSecrets(ctx, d.data.secrets), readTimeout)
	defer cancel()
	resp.Diagnostics.Append(fetch(ctx, readClients{providerData: d.data, readTimeout: readTimeout})...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
