package chat

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// twilio_chat_roles: every role of a Chat service, or those of one type.

// NewRolesDataSource is the factory of twilio_chat_roles.
func NewRolesDataSource() datasource.DataSource {
	return &framework.List[chatapi.Role, chatbase.RoleFields]{
		Base:    framework.Base{Name: "chat_roles", ReadTimeout: framework.PluralReadTimeout},
		Objects: roles, Scope: scope, Attr: "roles",
		Description: "Reads every role of a Twilio Programmable Chat service (Chat v2 API), or those of one `type`, a page of 100 per request. " +
			"Each role has every attribute of `twilio_chat_role`, nulls included.",
		Index:      chatbase.RolesIndex,
		Attributes: chatbase.RoleAttributes,
		Flatten:    chatbase.FlattenRole,
	}
}
