package conversations

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	conversationsapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

// twilio_conversations_user: one user, by sid or identity, on a service or
// the account's default one. Twilio's path takes either, so both cost one
// request; the answer must name the service asked for.

// NewUserDataSource is the factory of twilio_conversations_user.
func NewUserDataSource() datasource.DataSource {
	identity := chatbase.IdentityArgument()
	return &framework.Lookup[conversationsapi.User, chatbase.UserFields]{
		Base:    framework.Base{Name: "conversations_user"},
		Objects: users, Scope: scope, ByFetch: true, NameArgument: &identity, CheckScope: true,
		Description: "Looks up one user of a Twilio Conversations service (Conversations v1 API, Programmable Chat's successor) by SID or by identity, " +
			"on a given service or on the account's default Conversations service, with every attribute Twilio returns. " +
			"Attributes that Twilio returns as `null` are null here too, never `false` or `\"\"`.",
		Attributes: userAttributes,
		Flatten:    flattenUser,
	}
}

func userAttributes() map[string]schema.Attribute {
	return chatbase.UserAttributes("`user_conversations`")
}

// flattenUser copies a user into the model, keeping every null null.
func flattenUser(u *conversationsapi.User, m *chatbase.UserFields) diag.Diagnostics {
	return chatbase.FlattenUser(&u.UserBase, m)
}
