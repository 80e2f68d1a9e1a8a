package conversations

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
	conversationsapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

// twilio_conversations_service: one Conversations service, by sid, or by
// name from the account's list of Conversations services.

// NewServiceDataSource is the factory of twilio_conversations_service.
func NewServiceDataSource() datasource.DataSource {
	return &framework.Lookup[conversationsapi.Service, chatbase.ServiceFields]{
		Base:    framework.Base{Name: "conversations_service"},
		Objects: services,
		Description: "Looks up one Twilio Conversations service (Conversations v1 API) by SID, or by name among the account's Conversations services, " +
			"so that its SID can be wired where a `chat_service_sid` is expected. Attributes that Twilio returns as `null` are null here too.",
		Attributes: func() map[string]schema.Attribute {
			return chatbase.ServiceAttributes("`conversations`, `users`, `roles`, `bindings` and `configuration`")
		},
		Flatten: flattenService,
	}
}

// flattenService flattens a service as Chat's: the same fields as its base.
func flattenService(s *conversationsapi.Service, m *chatbase.ServiceFields) diag.Diagnostics {
	return chatbase.FlattenService((*chatapi.ServiceBase)(s), m)
}
