package chat

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// twilio_chat_role: one role of a Chat service, by sid, or by name (and
// type) from the service's list of roles.

// NewRoleDataSource is the factory of twilio_chat_role.
func NewRoleDataSource() datasource.DataSource {
	return &framework.Lookup[chatapi.Role, chatbase.RoleFields]{
		Base:    framework.Base{Name: "chat_role"},
		Objects: roles, Scope: scope,
		Description: "Looks up one role of a Twilio Programmable Chat service (Chat v2 API) by SID, or by name (and type) among the service's roles, " +
			"so that its SID can be wired where a `role_sid` is expected. Attributes that Twilio returns as `null` are null here too.",
		Attributes: chatbase.RoleAttributes,
		Flatten:    chatbase.FlattenRole,
	}
}
