package conversations

import "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"

// Every field the API marks nullable is a pointer (or a map or slice, nil
// for null), so that null in the API stays distinguishable from "", false
// or zero.

// User is conversations.v1.service.service_user (and conversations.v1.user,
// the same fields on the default service): Chat's user but for the name of
// its service and Chat's channel count, on the same objects.
type User struct {
	chat.UserBase
	ChatServiceSid *string `json:"chat_service_sid"`
}

// Role is conversations.v1.service.service_role; Type is "conversation" or
// "service". It is Chat's role under another JSON name for its service:
// its fields are chat.Role's, so that a *Role converts to a *chat.Role and
// both are handled by the same code.
type Role struct {
	Sid          *string  `json:"sid"`
	AccountSid   *string  `json:"account_sid"`
	ServiceSid   *string  `json:"chat_service_sid"`
	FriendlyName *string  `json:"friendly_name"`
	Type         *string  `json:"type"`
	Permissions  []string `json:"permissions"`
	DateCreated  *string  `json:"date_created"`
	DateUpdated  *string  `json:"date_updated"`
	URL          *string  `json:"url"`
}

// ServiceConfiguration is conversations.v1.service.service_configuration.
type ServiceConfiguration struct {
	ChatServiceSid                    *string            `json:"chat_service_sid"`
	DefaultConversationCreatorRoleSid *string            `json:"default_conversation_creator_role_sid"`
	DefaultConversationRoleSid        *string            `json:"default_conversation_role_sid"`
	DefaultChatServiceRoleSid         *string            `json:"default_chat_service_role_sid"`
	ReachabilityEnabled               *bool              `json:"reachability_enabled"`
	URL                               *string            `json:"url"`
	Links                             map[string]*string `json:"links"`
}

// Configuration is conversations.v1.configuration, the account's settings.
type Configuration struct {
	AccountSid                 *string            `json:"account_sid"`
	DefaultChatServiceSid      *string            `json:"default_chat_service_sid"`
	DefaultMessagingServiceSid *string            `json:"default_messaging_service_sid"`
	DefaultInactiveTimer       *string            `json:"default_inactive_timer"`
	DefaultClosedTimer         *string            `json:"default_closed_timer"`
	URL                        *string            `json:"url"`
	Links                      map[string]*string `json:"links"`
}

// Service is conversations.v1.service: exactly Chat's chat.ServiceBase,
// the same object on the same host family.
type Service chat.ServiceBase
