package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

const conversationsAPI = "Twilio Conversations API"

var (
	_ datasource.DataSourceWithConfigure        = (*conversationsUserDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*conversationsUserDataSource)(nil)
)

type conversationsUserDataSource struct {
	dataSourceBase
}

// NewConversationsUserDataSource is the factory of twilio_conversations_user.
func NewConversationsUserDataSource() datasource.DataSource {
	return &conversationsUserDataSource{dataSourceBase{name: "conversations_user"}}
}

// optionalChatServiceSidArgument is the optional service of a Conversations data
// source: without it, the account's default Conversations service is read.
func optionalChatServiceSidArgument(what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "SID of the Conversations service (`IS` followed by 32 hex digits) " + what + ". " +
			"When not set, the account's default Conversations service is used, and its SID is read from Twilio.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{sidValidator(sid.Service)},
	}
}

// conversationsUserAttributes are the attributes of a Conversations user
// that Twilio computes.
func conversationsUserAttributes() map[string]schema.Attribute {
	return userAttributes("`user_conversations`")
}

func (d *conversationsUserDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := conversationsUserAttributes()
	attrs["chat_service_sid"] = optionalChatServiceSidArgument("the user belongs to")
	attrs["sid"] = userSidArgument()
	attrs["identity"] = identityArgument()
	attrs["timeouts"] = timeouts.Attributes(ctx)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one user of a Twilio Conversations service (Conversations v1 API, Programmable Chat's successor) by SID or by identity, " +
			"on a given service or on the account's default Conversations service, with every attribute Twilio returns. " +
			"Attributes that Twilio returns as `null` are null here too, never `false` or `\"\"`.",
		Attributes: attrs,
	}
}

func (d *conversationsUserDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("sid"), path.MatchRoot("identity")),
	}
}

// serviceNamed names a service for errors; "" is the account's default
// Conversations service, which only Conversations paths can leave out.
func serviceNamed(serviceSid string) string {
	if serviceSid == "" {
		return "the account's default Conversations service"
	}
	return "service " + serviceSid
}

func (d *conversationsUserDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m conversationsUserModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, r reading) diag.Diagnostics {
		serviceSid := m.ChatServiceSid.ValueString()
		user, diags := conversationsUsers.readOne(ctx, r, serviceSid, lookupOf(m.Sid, "identity", m.Identity))
		if diags.HasError() {
			return diags
		}
		if serviceSid != "" {
			if diags := (lookup{field: "chat_service_sid", value: serviceSid}).check("conversations user", nil, user.ChatServiceSid); diags.HasError() {
				return diags
			}
		}
		return flattenConversationsUser(user, &m.conversationsUserFields)
	})
}
