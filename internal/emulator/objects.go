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

// NewFlexConfiguration builds the account's Flex configuration
// (flex.v1.configuration) with every field set, url on baseURL (Flex's base,
// e.g. https://flex-api.twilio.com). Its chat_service_instance_sid and
// flex_service_instance_sid are serviceSid, the service Flex's users live
// in; the other sids are derived from accountSid (and serviceSid derived
// too when it is ""), so the same arguments give the same configuration.
// It is what the emulator serves without SetFlexConfiguration, with the
// account's default Conversations service.
func NewFlexConfiguration(baseURL, accountSid, serviceSid string) map[string]any {
	derived := func(prefix, name string) string { return derivedSid(prefix, accountSid+"/flex/"+name) }
	if serviceSid == "" {
		serviceSid = derived("IS", "flex_service")
	}
	queue := derived("WQ", "everyone")
	workflow := derived("WW", "assign_to_anyone")
	return map[string]any{
		"account_sid":                     accountSid,
		"date_created":                    "2020-05-04T08:00:00Z",
		"date_updated":                    "2026-11-30T17:45:12Z",
		"attributes":                      map[string]any{"contact_center": "emulated"},
		"status":                          "ok",
		"taskrouter_workspace_sid":        derived("WS", "workspace"),
		"taskrouter_target_workflow_sid":  workflow,
		"taskrouter_target_taskqueue_sid": queue,
		"taskrouter_taskqueues":           []any{map[string]any{"sid": queue, "targettable": true}},
		"taskrouter_skills":               []any{map[string]any{"name": "support", "multivalue": true, "minimum": 0, "maximum": 10}},
		"taskrouter_worker_channels":      map[string]any{"agent": []any{map[string]any{"name": "default", "availability": true, "capacity": 1}}},
		"taskrouter_worker_attributes":    map[string]any{"agent": map[string]any{"region": "us-east"}},
		"taskrouter_offline_activity_sid": derived("WA", "offline"),
		"runtime_domain":                  "https://emulated-flex-1234.twil.io",
		"messaging_service_instance_sid":  derived("MG", "messaging_service"),
		"chat_service_instance_sid":       serviceSid,
		"flex_service_instance_sid":       serviceSid,
		"flex_instance_sid":               derived("GO", "instance"),
		"ui_language":                     "en",
		"ui_attributes":                   map[string]any{"colorTheme": map[string]any{"baseName": "FlexLight"}},
		"ui_dependencies":                 map[string]any{},
		"ui_version":                      "2.9.1",
		"service_version":                 "2.9.1",
		"call_recording_enabled":          false,
		"call_recording_webhook_url":      "https://emulated-flex-1234.twil.io/call-recording",
		"crm_enabled":                     true,
		"crm_type":                        "custom",
		"crm_callback_url":                "https://crm.example.com/callback",
		"crm_fallback_url":                "https://crm.example.com/fallback",
		"crm_attributes":                  map[string]any{"crm_attribute": "emulated"},
		"public_attributes":               map[string]any{},
		"plugin_service_enabled":          true,
		"plugin_service_attributes":       map[string]any{"agent-logger": "^3.10.5"},
		"integrations":                    []any{map[string]any{"name": "crm", "type": "http", "active": true, "config": `{"callback":"crm.example.com/cb"}`}},
		"outbound_call_flows":             map[string]any{"default": map[string]any{"caller_id": "+15005550006", "queue_sid": queue, "workflow_sid": workflow}},
		"serverless_service_sids":         []any{derived("ZS", "plugins")},
		"queue_stats_configuration":       map[string]any{"default": map[string]any{"service_level_threshold": 20, "reset_timezone": "Etc/UTC"}},
		"notifications":                   map[string]any{"enabled": true, "mode": "whenNotInFocus"},
		"markdown":                        map[string]any{"enabled": false, "mode": "readOnly"},
		"url":                             baseURL + "/v1/Configuration",
		"flex_insights_hr":                map[string]any{"advanced_reporting_enabled": false},
		"flex_insights_drilldown":         false,
		"flex_url":                        "https://flex.twilio.com",
		"channel_configs":                 []any{map[string]any{"address_type": "sms", "cbm_attachments": map[string]any{"enabled": true, "number_of_attachments": 10}}},
		"debugger_integration":            map[string]any{"enabled": false, "console_errors_included": false},
		"flex_ui_status_report":           map[string]any{"enabled": false},
		"agent_conv_end_methods":          map[string]any{"enabled": []any{"Leave"}},
		"citrix_voice_vdi":                map[string]any{"enabled": false},
		"offline_config":                  map[string]any{"presence": true, "presence_ttl": 30},
	}
}

// derivedSid is a sid of the given type that depends only on seed.
func derivedSid(prefix, seed string) string {
	sum := sha256.Sum256([]byte(seed))
	return prefix + hex.EncodeToString(sum[:16])
}
