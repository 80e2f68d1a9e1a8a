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
	_ datasource.DataSource                     = (*chatUserDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*chatUserDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*chatUserDataSource)(nil)
)

type chatUserDataSource struct {
	dataSourceBase
}

// NewChatUserDataSource is the factory of twilio_chat_user.
func NewChatUserDataSource() datasource.DataSource {
	return &chatUserDataSource{dataSourceBase{name: "chat_user"}}
}

// chatUserAttributes are the attributes of a Chat user that Twilio computes,
// the same in twilio_chat_user and in each element of twilio_chat_users.
func chatUserAttributes() map[string]schema.Attribute {
	attrs := userAttributes("`user_channels` and `user_bindings`")
	attrs["joined_channels_count"] = schema.Int64Attribute{Computed: true, MarkdownDescription: "Number of channels the user is a member of; `0` when Twilio omits it."}
	return attrs
}

func (d *chatUserDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := chatUserAttributes()
	attrs["service_sid"] = chatServiceSidArgument()
	attrs["sid"] = userSidArgument()
	attrs["identity"] = identityArgument()
	attrs["timeouts"] = timeouts.Attributes(ctx)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one user of a Twilio Programmable Chat service (Chat v2 API) by SID or by identity, " +
			"with every attribute Twilio returns. Attributes that Twilio returns as `null` are null here too, never `false`, `\"\"` or `0`.",
		Attributes: attrs,
	}
}

func (d *chatUserDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("sid"), path.MatchRoot("identity")),
	}
}

func (d *chatUserDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m chatUserModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, r readClients) diag.Diagnostics {
		user, diags := chatUsers.readOne(ctx, r, m.ServiceSid.ValueString(), lookupOf(m.Sid, "identity", m.Identity))
		if diags.HasError() {
			return diags
		}
		return flattenChatUser(user, &m.chatUserFields)
	})
}
