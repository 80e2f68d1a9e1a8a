package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

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

func (d *conversationsUserDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m conversationsUserModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, r readClients) diag.Diagnostics {
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
