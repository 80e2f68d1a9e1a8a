// Package framework is what every data source of the provider shares, and
// knows no Twilio product: the read flow (Base), what a read reads Twilio
// with (Conn), lookups by sid or by name (Lookup) and whole lists (List)
// built from a product's Objects, the lists those lookups share, how
// errors become diagnostics, and how Twilio's values become state.
//
// Product packages (internal/provider/chat, ...) sit above it and the HTTP
// layer (internal/twilio) below it; it imports neither a product's data
// sources nor a product's REST client.
package framework

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

// DefaultReadTimeout is a singular data source's default timeouts.read.
const DefaultReadTimeout = 30 * time.Second

// PluralReadTimeout is the plural data sources' default timeouts.read:
// 10,000 users at one second a page are 200 pages of Conversations' 50,
// with room for retries.
const PluralReadTimeout = 5 * time.Minute

// TimeoutsAttribute is the timeouts attribute of a data source whose
// default timeouts.read is def, documenting that default.
func TimeoutsAttribute(ctx context.Context, def time.Duration) schema.Attribute {
	written := def.String()
	if m, ok := strings.CutSuffix(written, "m0s"); ok {
		written = m + "m"
	}
	return timeouts.AttributesWithOpts(ctx, timeouts.Opts{ReadDescription: fmt.Sprintf(
		"Time limit of the whole read, retries and waits for the request budget included, as a duration such as \"30s\" or \"2h45m\" "+
			"(units \"s\", \"m\", \"h\"). Default %q.", written)})
}

// ProviderData is what the provider's Configure hands every data source:
// one account's clients, one per Twilio host, sharing one request budget.
type ProviderData struct {
	// clients are the HTTP clients by endpoint name ("chat", "flex").
	clients map[string]*twilio.Client
	// credentials names the pair in use (never the secret) for errors.
	credentials string
	// secrets are masked from every log line the data sources write.
	secrets []string
	// unknown lists attributes not known until apply; reads cannot run yet.
	unknown []string
	// lists are shared by the lookups by name.
	lists *sharedLists
}

// NewProviderData is the data of a configured provider.
func NewProviderData(clients map[string]*twilio.Client, credentials string, secrets []string) *ProviderData {
	return &ProviderData{clients: clients, credentials: credentials, secrets: secrets, lists: &sharedLists{}}
}

// UnknownProviderData is the data of a provider whose configuration is not
// known until apply: every read defers or says why it cannot run.
func UnknownProviderData(unknown []string) *ProviderData {
	return &ProviderData{unknown: unknown}
}

// Conn is what one read reads Twilio with: the account's clients, and what
// its errors need to be described.
type Conn struct {
	*ProviderData
	readTimeout time.Duration
}

// Client is the HTTP client of the product whose endpoint is named
// endpoint: a product package wraps it in its own REST client.
func (c *Conn) Client(endpoint string) *twilio.Client {
	return c.clients[endpoint]
}

// Base is what every data source of the provider embeds: its name, the
// provider's data from Configure, and the steps of a read around the data
// source's own requests.
type Base struct {
	// Name is the type name without the provider's prefix, e.g. "chat_user".
	Name string
	// ReadTimeout is the default timeouts.read; zero is DefaultReadTimeout.
	ReadTimeout time.Duration
	data        *ProviderData
}

// DefaultTimeout is the data source's default timeouts.read.
func (b *Base) DefaultTimeout() time.Duration {
	if b.ReadTimeout == 0 {
		return DefaultReadTimeout
	}
	return b.ReadTimeout
}

// TimeoutsAttribute is the timeouts attribute documenting the default that
// the read applies.
func (b *Base) TimeoutsAttribute(ctx context.Context) schema.Attribute {
	return TimeoutsAttribute(ctx, b.DefaultTimeout())
}

func (b *Base) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.Name
}

func (b *Base) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	data, ok := req.ProviderData.(*ProviderData)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("Expected *framework.ProviderData, got %T. This is a bug in the provider.", req.ProviderData))
		return
	}
	b.data = data
}

// Start opens a read: it stops when the provider cannot serve reads yet
// (resp then says why, or defers the read), and bounds the rest by
// timeouts.read with the secrets masked from logs. The caller must call
// the returned cancel when ok.
func (b *Base) Start(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse, readTimeouts timeouts.Value) (context.Context, context.CancelFunc, *Conn, bool) {
	typeName := "twilio_" + b.Name
	if b.data == nil {
		resp.Diagnostics.AddError("Provider not configured", fmt.Sprintf("The twilio provider was not configured before %s was read. This is a bug in the provider or in Terraform.", typeName))
		return nil, nil, nil, false
	}
	if len(b.data.unknown) > 0 {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &datasource.Deferred{Reason: datasource.DeferredReasonProviderConfigUnknown}
			return nil, nil, nil, false
		}
		resp.Diagnostics.AddError("Provider configuration not known yet",
			fmt.Sprintf("The twilio provider's %s depends on values known only after apply, so %s cannot be read during this plan. "+
				"Apply the resources the provider configuration depends on first (for example with -target), then plan again.",
				strings.Join(b.data.unknown, ", "), typeName))
		return nil, nil, nil, false
	}
	readTimeout, diags := readTimeouts.Read(ctx, b.DefaultTimeout())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return nil, nil, nil, false
	}
	ctx, cancel := context.WithTimeout(MaskSecrets(ctx, b.data.secrets), readTimeout)
	return ctx, cancel, &Conn{ProviderData: b.data, readTimeout: readTimeout}, true
}

// Fill decodes the configuration into model (a pointer to the data
// source's model, whose timeouts field is readTimeouts), runs fill to fill
// the model from Twilio within the read's bounds (start), and saves the
// model in state unless fill reported an error: nothing half-read lands.
func (b *Base) Fill(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse,
	model any, readTimeouts *timeouts.Value, fill func(context.Context, *Conn) diag.Diagnostics) {
	resp.Diagnostics.Append(req.Config.Get(ctx, model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, conn, ok := b.Start(ctx, req, resp, *readTimeouts)
	if !ok {
		return
	}
	defer cancel()
	resp.Diagnostics.Append(fill(ctx, conn)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}

// SetState saves attrs, every attribute of the data source, in state.
func SetState(ctx context.Context, resp *datasource.ReadResponse, attrs map[string]attr.Value) diag.Diagnostics {
	var diags diag.Diagnostics
	objectType, ok := resp.State.Schema.Type().(attr.TypeWithAttributeTypes)
	if !ok {
		diags.AddError("Value Conversion Error", fmt.Sprintf("The schema's type is %s, not an object. This is a bug in the provider.", resp.State.Schema.Type()))
		return diags
	}
	object, d := types.ObjectValue(objectType.AttributeTypes(), attrs)
	if diags.Append(d...); diags.HasError() {
		return diags
	}
	return append(diags, resp.State.Set(ctx, object)...)
}

// MaskSecrets hides the secrets and the Basic header built from them from
// every log line written with the returned context.
func MaskSecrets(ctx context.Context, secrets []string) context.Context {
	nonEmpty := make([]string, 0, len(secrets))
	for _, s := range secrets {
		if strings.TrimSpace(s) != "" {
			nonEmpty = append(nonEmpty, s)
		}
	}
	ctx = tflog.MaskMessageStrings(ctx, nonEmpty...)
	return tflog.MaskAllFieldValuesStrings(ctx, nonEmpty...)
}

// NewConn is a Conn to clients (by endpoint name), for tests of the reads
// below a data source; credentials names them in errors.
func NewConn(clients map[string]*twilio.Client, credentials string, readTimeout time.Duration) *Conn {
	return &Conn{ProviderData: NewProviderData(clients, credentials, nil), readTimeout: readTimeout}
}
