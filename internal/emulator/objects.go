package emulator

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
)

// NewUser builds a user with every field of Twilio's schema set to a
// realistic, non-null value, with url and links derived from baseURL as
// Twilio derives them from https://chat.twilio.com. role_sid is derived from
// the service and user sids, so the same arguments give the same user.
func NewUser(baseURL, accountSid, serviceSid, sid, identity string) map[string]any {
	userURL := baseURL + "/v2/Services/" + serviceSid + "/Users/" + sid
	return map[string]any{
		"sid":                   sid,
		"account_sid":           accountSid,
		"service_sid":           serviceSid,
		"role_sid":              derivedSid("RL", serviceSid+"/"+sid),
		"identity":              identity,
		"friendly_name":         identity + " (emulated)",
		"attributes":            `{"team":"platform"}`,
		"is_online":             true,
		"is_notifiable":         false,
		"date_created":          "2016-03-24T21:05:19Z",
		"date_updated":          "2016-03-25T09:41:07Z",
		"joined_channels_count": 3,
		"links": map[string]any{
			"user_channels": userURL + "/Channels",
			"user_bindings": userURL + "/Bindings",
		},
		"url": userURL,
	}
}

// NewRole builds a role in Chat's shape (chat.v2.service.role) with every
// field set, url derived from baseURL as NewUser's. chatType is "channel"
// or "deployment"; nil permissions are the ones Twilio gives that type's
// default role.
func NewRole(baseURL, accountSid, serviceSid, sid, friendlyName, chatType string, permissions []string) map[string]any {
	if permissions == nil {
		permissions = defaultPermissions[chatType]
	}
	return map[string]any{
		"sid":           sid,
		"account_sid":   accountSid,
		"service_sid":   serviceSid,
		"friendly_name": friendlyName,
		"type":          chatType,
		"permissions":   slices.Clone(permissions),
		"date_created":  "2016-03-03T19:47:15Z",
		"date_updated":  "2016-03-03T19:47:15Z",
		"url":           baseURL + "/v2/Services/" + serviceSid + "/Roles/" + sid,
	}
}

// NewService builds a service in Chat's shape (chat.v2.service) with every
// field set, url and links derived from baseURL as NewUser's; the default
// role sids are derived from sid, so the same arguments give the same
// service.
func NewService(baseURL, accountSid, sid, friendlyName string) map[string]any {
	serviceURL := baseURL + "/v2/Services/" + sid
	return map[string]any{
		"sid":                              sid,
		"account_sid":                      accountSid,
		"friendly_name":                    friendlyName,
		"date_created":                     "2015-07-30T20:00:00Z",
		"date_updated":                     "2015-07-30T20:00:00Z",
		"default_service_role_sid":         derivedSid("RL", sid+"/default_service_role"),
		"default_channel_role_sid":         derivedSid("RL", sid+"/default_channel_role"),
		"default_channel_creator_role_sid": derivedSid("RL", sid+"/default_channel_creator_role"),
		"read_status_enabled":              true,
		"reachability_enabled":             false,
		"typing_indicator_timeout":         5,
		"consumption_report_interval":      10,
		"limits":                           map[string]any{"channel_members": 100, "user_channels": 250},
		"pre_webhook_url":                  "https://hooks.example.com/pre",
		"post_webhook_url":                 "https://hooks.example.com/post",
		"webhook_method":                   "POST",
		"webhook_filters":                  []string{"onMessageSend", "onChannelAdded"},
		"pre_webhook_retry_count":          2,
		"post_webhook_retry_count":         3,
		"notifications": map[string]any{
			"new_message": map[string]any{"enabled": true, "template": "A New message in ${CHANNEL} from ${USER}: ${MESSAGE}"},
			"log_enabled": false,
		},
		"media": map[string]any{"size_limit_mb": 150, "compatibility_message": "media compatibility message"},
		"url":   serviceURL,
		"links": chatServiceLinks(serviceURL),
	}
}

var chatServiceLinkNames = []string{"channels", "users", "roles", "bindings"}

func chatServiceLinks(serviceURL string) map[string]any {
	links := map[string]any{}
	for _, name := range chatServiceLinkNames {
		links[name] = serviceURL + "/" + linkSegment(name)
	}
	return links
}

var defaultPermissions = map[string][]string{
	"channel":    {"sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"},
	"deployment": {"createChannel", "joinChannel", "editOwnUserInfo"},
}

// NewServiceConfiguration builds a service's Conversations configuration
// (conversations.v1.service.service_configuration) with every field set;
// the role sids are derived from serviceSid, so the same arguments give the
// same configuration. It is what the emulator serves for a service without
// SetServiceConfiguration, on its link base.
func NewServiceConfiguration(baseURL, serviceSid string) map[string]any {
	configURL := baseURL + "/v1/Services/" + serviceSid + "/Configuration"
	return map[string]any{
		"chat_service_sid":                      serviceSid,
		"default_chat_service_role_sid":         derivedSid("RL", serviceSid+"/default_chat_service_role"),
		"default_conversation_role_sid":         derivedSid("RL", serviceSid+"/default_conversation_role"),
		"default_conversation_creator_role_sid": derivedSid("RL", serviceSid+"/default_conversation_creator_role"),
		"reachability_enabled":                  false,
		"url":                                   configURL,
		"links": map[string]any{
			"notifications": configURL + "/Notifications",
			"webhooks":      configURL + "/Webhooks",
		},
	}
}

// NewAccountConfiguration builds the account's Conversations configuration
// (conversations.v1.configuration) with every field set, except
// default_chat_service_sid and its "service" link when defaultServiceSid is
// "". It is what the emulator serves without SetAccountConfiguration.
func NewAccountConfiguration(baseURL, accountSid, defaultServiceSid string) map[string]any {
	links := map[string]any{"webhooks": baseURL + "/v1/Configuration/Webhooks"}
	if defaultServiceSid != "" {
		links["service"] = baseURL + "/v1/Services/" + defaultServiceSid + "/Configuration"
	}
	return map[string]any{
		"account_sid":                   nullIfEmpty(accountSid),
		"default_chat_service_sid":      nullIfEmpty(defaultServiceSid),
		"default_messaging_service_sid": derivedSid("MG", accountSid+"/default_messaging_service"),
		"default_inactive_timer":        "PT1M",
		"default_closed_timer":          "PT10M",
		"url":                           baseURL + "/v1/Configuration",
		"links":                         links,
	}
}

// derivedSid is a sid of the given type that depends only on seed.
func derivedSid(prefix, seed string) string {
	sum := sha256.Sum256([]byte(seed))
	return prefix + hex.EncodeToString(sum[:16])
}
