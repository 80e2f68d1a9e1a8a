// Package provider is the twilio Terraform provider on
// terraform-plugin-framework: its schema, its configuration, and the list
// of products whose data sources it serves (products). Each product's data
// sources live in their own package (internal/provider/chat, ...), on what
// they all share (internal/provider/framework); requests go through the
// product REST clients under internal/twilio, which share its one HTTP
// layer.
package provider

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

// RegistryAddress is where the provider is published.
const RegistryAddress = "registry.terraform.io/seed-29301ef8/twilio"

var _ provider.Provider = (*twilioProvider)(nil)

type twilioProvider struct {
	version string
	getenv  func(string) string
}

// New returns a provider factory for providerserver.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &twilioProvider{version: version, getenv: os.Getenv}
	}
}

func (p *twilioProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "twilio"
	resp.Version = p.version
}

func (p *twilioProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up Twilio resources. Authenticate with an Account SID and auth token, " +
			"or with an API key and secret; every argument can also come from a `TWILIO_*` environment variable, " +
			"and a value in the provider block beats its environment variable.",
		Attributes: map[string]schema.Attribute{
			"account_sid": schema.StringAttribute{
				MarkdownDescription: "Twilio Account SID (`AC` followed by 32 hex digits). Environment: `TWILIO_ACCOUNT_SID`.",
				Optional:            true,
				Validators:          []validator.String{framework.SidValidator(sid.Account)},
			},
			"auth_token": schema.StringAttribute{
				MarkdownDescription: "Auth token of `account_sid`. Environment: `TWILIO_AUTH_TOKEN`.",
				Optional:            true,
				Sensitive:           true,
			},
			"api_key": schema.StringAttribute{
				MarkdownDescription: "API key SID (`SK` followed by 32 hex digits). Used with `api_secret` instead of `account_sid`/`auth_token` when both are set. Environment: `TWILIO_API_KEY`.",
				Optional:            true,
				Validators:          []validator.String{framework.SidValidator(sid.APIKey)},
			},
			"api_secret": schema.StringAttribute{
				MarkdownDescription: "Secret of `api_key`. Environment: `TWILIO_API_SECRET`.",
				Optional:            true,
				Sensitive:           true,
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "Twilio region such as `ie1`, `au1` or `us1`. Needs `edge`: Twilio retired region-only hostnames in 2026. Environment: `TWILIO_REGION`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(hostLabelPattern, "must be lower-case letters, digits and hyphens")},
			},
			"edge": schema.StringAttribute{
				MarkdownDescription: "Twilio edge location such as `dublin`, `sydney` or `ashburn`; every API host becomes `{product}.{edge}.{region}.twilio.com` (`chat`, `conversations`, `flex-api`, `taskrouter`, `serverless`, `studio`), with `region` defaulting to `us1`. Environment: `TWILIO_EDGE`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(hostLabelPattern, "must be lower-case letters, digits and hyphens")},
			},
			"endpoints": schema.SingleNestedAttribute{
				MarkdownDescription: "Base URLs that replace Twilio's hosts, for proxies and emulators.",
				Optional:            true,
				Attributes:          endpointAttributes(),
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many times a request that failed with HTTP 429, a 5xx other than 501, or a network error is retried, with exponential backoff and jitter, honouring `Retry-After`. Default `%d`; `0` disables retries. Environment: `TWILIO_MAX_RETRIES`.", defaultMaxRetries),
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(0, maxMaxRetries)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Time limit of each HTTP attempt once it has its share of `max_concurrent_requests`, as a Go duration such as `10s` or `1m`. Default `%s`: well below a read's default `timeouts.read` (`30s`), so that an attempt that hangs is abandoned and retried. A data source's `timeouts.read` bounds the whole read, retries and waits included.", defaultRequestTimeout),
				Optional:            true,
				CustomType:          timetypes.GoDurationType{},
			},
			"max_concurrent_requests": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("The most requests the provider has in flight at once, to all Twilio hosts together, whatever Terraform's `-parallelism` and however many users the plural data sources fetch: the provider's share of the account's concurrency limit, which the account's own traffic shares. "+
					"A `429` halves the provider's window (never below 1) and successes grow it back up to this value; a `429` with `Retry-After` holds every new request to that host until then. "+
					"Waiting for a slot counts against the read's `timeouts.read`. At least `1`; default `%d`. Environment: `%s`.", defaultMaxConcurrent, envMaxConcurrent),
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
		},
	}
}

// endpointAttributes are the endpoints object's attributes: one URL per
// product.
func endpointAttributes() map[string]schema.Attribute {
	attrs := make(map[string]schema.Attribute, len(products))
	for _, p := range products {
		attrs[p.Endpoint] = endpointAttribute(p)
	}
	return attrs
}

func endpointAttribute(p framework.Product) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("Base URL replacing `%s`, for a proxy or an emulator. `https://` is accepted for any host; plain `http://` only for loopback hosts (`127.0.0.0/8`, `::1`, `localhost`), so credentials never travel in clear text. Environment: `%s`.", p.DefaultURL, p.Env),
		Optional:            true,
		Validators:          []validator.String{endpointValidator{}},
	}
}

func (p *twilioProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var model providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if unknown := unknownAttributes(model); len(unknown) > 0 {
		resp.DataSourceData = framework.UnknownProviderData(unknown)
		return
	}
	s, diags := resolveSettings(model, p.getenv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	secrets := []string{
		s.Password,
		base64.StdEncoding.EncodeToString([]byte(s.Username + ":" + s.Password)),
	}
	ctx = framework.MaskSecrets(ctx, secrets)
	// One client, so one connection pool and retry policy, per host; one
	// budget for them all.
	budget := twilio.NewBudget(s.MaxConcurrent)
	clients := map[string]*twilio.Client{}
	for _, product := range products {
		client, err := twilio.New(twilio.Config{
			HostLabel:      product.HostLabel,
			BaseURL:        s.BaseURLs[product.Endpoint],
			Username:       s.Username,
			Password:       s.Password,
			UserAgent:      userAgent(p.version, req.TerraformVersion),
			MaxRetries:     s.MaxRetries,
			RequestTimeout: s.RequestTimeout,
			Budget:         budget,
			Logger:         tflogDebug,
		})
		if err != nil {
			resp.Diagnostics.AddError("Cannot create the Twilio "+product.Endpoint+" client", err.Error())
			return
		}
		clients[product.Endpoint] = client
	}
	tflog.Debug(ctx, "Configured the Twilio clients", map[string]any{
		"base_urls":       s.BaseURLs,
		"credentials":     s.Credentials,
		"max_retries":     s.MaxRetries,
		"request_timeout": s.RequestTimeout.String(),
		"max_concurrent":  s.MaxConcurrent,
	})
	resp.DataSourceData = framework.NewProviderData(clients, s.Credentials, secrets)
}

func userAgent(version, terraformVersion string) string {
	if terraformVersion == "" {
		terraformVersion = "unknown"
	}
	return fmt.Sprintf("terraform-provider-twilio/%s (+https://%s) Terraform/%s", version, RegistryAddress, terraformVersion)
}

func tflogDebug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(ctx, msg, fields)
}

func (p *twilioProvider) Resources(context.Context) []func() resource.Resource {
	return nil
}

func (p *twilioProvider) DataSources(context.Context) []func() datasource.DataSource {
	var all []func() datasource.DataSource
	for _, product := range products {
		all = append(all, product.DataSources...)
	}
	return all
}
