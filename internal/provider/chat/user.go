package chat

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// twilio_chat_user: one user of a Chat service, by sid or identity. Twilio's
// path takes either, so both cost one request.

// NewUserDataSource is the factory of twilio_chat_user.
func NewUserDataSource() datasource.DataSource {
	identity := chatbase.IdentityArgument()
	return &framework.Lookup[chatapi.User, userModel]{
		Base:    framework.Base{Name: "chat_user"},
		Objects: users, Scope: scope, ByFetch: true, NameArgument: &identity,
		Description: "Looks up one user of a Twilio Programmable Chat service (Chat v2 API) by SID or by identity, " +
			"with every attribute Twilio returns. Attributes that Twilio returns as `null` are null here too, never `false`, `\"\"` or `0`.",
		Attributes: userAttributes,
		Flatten:    flattenUser,
	}
}

// userModel is a Chat user's attributes but its service: twilio_chat_user,
// and each element of twilio_chat_users.
type userModel struct {
	chatbase.UserFields
	JoinedChannelsCount types.Int64 `tfsdk:"joined_channels_count"`
}

func userAttributes() map[string]schema.Attribute {
	attrs := chatbase.UserAttributes("`user_channels` and `user_bindings`")
	attrs["joined_channels_count"] = schema.Int64Attribute{Computed: true, MarkdownDescription: "Number of channels the user is a member of; `0` when Twilio omits it."}
	return attrs
}

// flattenUser copies a user into the model, keeping every null null.
func flattenUser(u *chatapi.User, m *userModel) diag.Diagnostics {
	m.JoinedChannelsCount = types.Int64PointerValue(u.JoinedChannelsCount)
	return chatbase.FlattenUser(&u.UserBase, &m.UserFields)
}
