package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/chat"
)

const (
	defaultReadTimeout = 30 * time.Second
	// maxIdentityBytes keeps an identity well inside every URL length limit
	// on the way to Twilio.
	maxIdentityBytes = 1024
)

var (
	serviceSidPattern = regexp.MustCompile(`^IS[0-9a-fA-F]{32}$`)
	userSidPattern    = regexp.MustCompile(`^US[0-9a-fA-F]{32}$`)
)

var (
	_ datasource.DataSource                     = (*chatUserDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*chatUserDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*chatUserDataSource)(nil)
)

type chatUserDataSource struct {
	data *providerData
}

// NewChatUserDataSource is the factory of twilio_chat_user.
func NewChatUserDataSource() datasource.DataSource {
	return &chatUserDataSource{}
}

func (d *chatUserDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_chat_user"
}

func (d *chatUserDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one user of a Twilio Programmable Chat service (Chat v2 API) by SID or by identity, " +
			"with every attribute Twilio returns. Attributes that Twilio returns as `null` are null here too, never `false`, `\"\"` or `0`.",
		Attributes: map[string]schema.Attribute{
			"service_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the Chat service (`IS` followed by 32 hex digits).",
				Required:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(serviceSidPattern, "must be IS followed by 32 hexadecimal digits")},
			},
			"sid": schema.StringAttribute{
				MarkdownDescription: "SID of the user (`US` followed by 32 hex digits). Exactly one of `sid` and `identity` must be set; the other is read from Twilio.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(userSidPattern, "must be US followed by 32 hexadecimal digits")},
			},
			"identity": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Identity of the user, case-sensitive, as your application assigned it (often a user name or an e-mail address). Any characters are accepted, including `/ ? # %% +`, spaces and Unicode; `.` and `..` are refused because they would change the meaning of the URL. At most %d bytes.", maxIdentityBytes),
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, maxIdentityBytes),
					stringvalidator.NoneOf(".", ".."),
				},
			},
			"account_sid":   schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the Account that created the user."},
			"attributes":    schema.StringAttribute{Computed: true, CustomType: jsontypes.NormalizedType{}, MarkdownDescription: "Application-specific data, the JSON string exactly as Twilio returns it; null when Twilio returns null. Decode it with `jsondecode()`."},
			"friendly_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Display name of the user; null when none was set."},
			"role_sid":      schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the Role assigned to the user (`RL...`)."},
			"is_online": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user is connected to the service. " +
				"Null (not `false`) when the service's reachability indicator is off or the user has never been online."},
			"is_notifiable": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user has a potentially valid push notification registration. " +
				"Null (not `false`) when the service's reachability indicator is off or the user never had a registration."},
			"date_created":          schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the user was created, RFC 3339, as returned."},
			"date_updated":          schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the user was last updated, RFC 3339, as returned."},
			"joined_channels_count": schema.Int64Attribute{Computed: true, MarkdownDescription: "Number of channels the user is a member of; `0` when Twilio omits it."},
			"links":                 schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "URLs of related resources keyed by Twilio's link names, such as `user_channels` and `user_bindings`."},
			"url":                   schema.StringAttribute{Computed: true, MarkdownDescription: "Absolute URL of the user resource."},
			"timeouts":              timeouts.Attributes(ctx),
		},
	}
}

func (d *chatUserDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("sid"), path.MatchRoot("identity")),
	}
}

func (d *chatUserDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
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

func (d *chatUserDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model chatUserModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if d.data == nil {
		resp.Diagnostics.AddError("Provider not configured", "The twilio provider was not configured before twilio_chat_user was read. This is a bug in the provider or in Terraform.")
		return
	}
	if len(d.data.unknown) > 0 {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &datasource.Deferred{Reason: datasource.DeferredReasonProviderConfigUnknown}
			return
		}
		resp.Diagnostics.AddError("Provider configuration not known yet",
			fmt.Sprintf("The twilio provider's %s depends on values known only after apply, so twilio_chat_user cannot be read during this plan. "+
				"Apply the resources the provider configuration depends on first (for example with -target), then plan again.",
				strings.Join(d.data.unknown, ", ")))
		return
	}

	readTimeout, diags := model.Timeouts.Read(ctx, defaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(maskSecrets(ctx, d.data.secrets), readTimeout)
	defer cancel()

	bySid := !model.Sid.IsNull()
	lookup := model.Identity.ValueString()
	if bySid {
		lookup = model.Sid.ValueString()
	}
	serviceSid := model.ServiceSid.ValueString()
	tflog.Debug(ctx, "Reading Twilio chat user", map[string]any{"service_sid": serviceSid, "lookup": lookup, "by_sid": bySid})

	user, err := d.data.client.FetchUser(ctx, serviceSid, lookup)
	if err != nil {
		summary, detail := describeFetchError(err, fetchTarget{
			serviceSid: serviceSid, bySid: bySid, lookup: lookup,
			credentials: d.data.credentials, readTimeout: readTimeout,
		})
		resp.Diagnostics.AddError(summary, detail)
		return
	}
	if err := checkReturnedUser(user, bySid, lookup); err != nil {
		resp.Diagnostics.AddError("Twilio returned a different chat user", err.Error()+". Nothing was written to state.")
		return
	}
	resp.Diagnostics.Append(flattenChatUser(user, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

type fetchTarget struct {
	serviceSid  string
	bySid       bool
	lookup      string
	credentials string
	readTimeout time.Duration
}

func (t fetchTarget) String() string {
	kind := "identity"
	if t.bySid {
		kind = "sid"
	}
	return fmt.Sprintf("%s %q in service %s", kind, t.lookup, t.serviceSid)
}

// describeFetchError turns a client error into a diagnostic summary a user
// can search for and a detail saying what happened and what to do.
func describeFetchError(err error, t fetchTarget) (string, string) {
	var apiErr *chat.APIError
	var decodeErr *chat.DecodeError
	var tooLarge *chat.BodyTooLargeError
	var transportErr *chat.TransportError
	switch {
	case errors.As(err, &apiErr) && apiErr.IsNotFound():
		return "chat user not found", fmt.Sprintf("No chat user with %s: %v.", t, apiErr)
	case errors.As(err, &apiErr) && apiErr.IsAuth():
		return "Twilio authentication failed", fmt.Sprintf("Twilio refused the credentials %s while reading the chat user with %s: %v. "+
			"Check the credentials and that they belong to the account that owns the service.", t.credentials, t, apiErr)
	case errors.As(err, &apiErr) && apiErr.StatusCode == 429:
		return "Twilio rate limit exceeded", fmt.Sprintf("Reading the chat user with %s: %v. Raise max_retries or lower Terraform's -parallelism.", t, apiErr)
	case errors.As(err, &apiErr):
		return "Twilio Chat API error", fmt.Sprintf("Reading the chat user with %s: %v.", t, apiErr)
	case errors.As(err, &decodeErr):
		return "Unexpected response from Twilio", fmt.Sprintf("Reading the chat user with %s: %v. A proxy between Terraform and Twilio may have answered instead of Twilio.", t, decodeErr)
	case errors.As(err, &tooLarge):
		return "Unexpected response from Twilio", fmt.Sprintf("Reading the chat user with %s: %v. A chat user is a few kilobytes; this is not one.", t, tooLarge)
	case errors.Is(err, context.DeadlineExceeded):
		return "Timed out reading chat user", fmt.Sprintf("Reading the chat user with %s did not finish within the read timeout of %s, retries included. "+
			"Raise timeouts.read in the data source if Twilio is slow.", t, t.readTimeout)
	case errors.Is(err, context.Canceled):
		return "Read cancelled", fmt.Sprintf("Reading the chat user with %s was cancelled.", t)
	case errors.As(err, &transportErr):
		return "Cannot reach Twilio", fmt.Sprintf("Reading the chat user with %s: %v.", t, transportErr)
	default:
		return "Cannot read chat user", fmt.Sprintf("Reading the chat user with %s: %v.", t, err)
	}
}
