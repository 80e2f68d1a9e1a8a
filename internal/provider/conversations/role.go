package conversations

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
	conversationsapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

// twilio_conversations_role: one role, by sid, or by name (and type) from
// the list of roles of a service or of the account's default one.

// NewRoleDataSource is the factory of twilio_conversations_role.
func NewRoleDataSource() datasource.DataSource {
	return &framework.Lookup[conversationsapi.Role, chatbase.RoleFields]{
		Base:    framework.Base{Name: "conversations_role"},
		Objects: roles, Scope: scope,
		Description: "Looks up one role of a Twilio Conversations service (Conversations v1 API) by SID, or by name (and type) among the service's roles, " +
			"on a given service or on the account's default Conversations service, so that its SID can be wired where a `role_sid` is expected. " +
			"Attributes that Twilio returns as `null` are null here too.",
		Attributes: chatbase.RoleAttributes,
		Flatten:    flattenRole,
	}
}

// flattenRole flattens a role as Chat's: the same fields.
func flattenRole(r *conversationsapi.Role, m *chatbase.RoleFields) diag.Diagnostics {
	return chatbase.FlattenRole((*chatapi.Role)(r), m)
}
