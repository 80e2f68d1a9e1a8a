package conversations

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	conversationsapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

// twilio_conversations_roles: every role of a service, or those of one type.

// NewRolesDataSource is the factory of twilio_conversations_roles.
func NewRolesDataSource() datasource.DataSource {
	return &framework.List[conversationsapi.Role, chatbase.RoleFields]{
		Base:    framework.Base{Name: "conversations_roles", ReadTimeout: framework.PluralReadTimeout},
		Objects: roles, Scope: scope, Attr: "roles",
		Description: "Reads every role of a Twilio Conversations service (Conversations v1 API), or those of one `type`, a page of 50 per request, " +
			"on a given service or on the account's default Conversations service. Each role has every attribute of `twilio_conversations_role`, nulls included.",
		Index:      chatbase.RolesIndex,
		Attributes: chatbase.RoleAttributes,
		Flatten:    flattenRole,
	}
}
