package emulator

import (
	"net/http"
)

// Flex's Flex Flows routes; its configuration's is RouteFlexConfiguration.
const (
	RouteFlexFlow  RouteName = "FlexFlow"  // GET /flex/v1/FlexFlows/{FO}
	RouteFlexFlows RouteName = "FlexFlows" // GET /flex/v1/FlexFlows
)

// Flex v1 (https://flex-api.twilio.com): the account's Flex configuration,
// which names the Conversations service Flex's users live in, and its Flex
// Flows, which tie a channel to a Studio flow.
var flexProduct = product{api: APIFlex, mount: FlexBasePath, base: "/v1", routes: []route{
	newRoute(RouteFlexConfiguration, "/Configuration", (*Server).flexConfiguration),
	newRoute(RouteFlexFlow, "/FlexFlows/{id}", flexFlows.fetch),
	newRoute(RouteFlexFlows, "/FlexFlows", flexFlows.list),
}}

// Flex serves up to 1000 Flex Flows a page. The list's one filter,
// FriendlyName, is honoured (exactly, case included), so that a client
// that sends it gets what Twilio would answer, next pages included.
var flexFlows = table{key: "flex_flows", maxPageSize: 1000, filters: []listFilter{friendlyNameFilter},
	collection: onTheAccount(func(s *Server) *collection { return &s.flex().flows })}

// FlexBasePath is where the emulator serves Flex: Flex's paths are
// Conversations' (both have /v1/Configuration), so Flex lives under its
// own base path on the same listener. endpoints.flex is URL()+FlexBasePath
// (FlexURL), and every path below it is exactly Twilio's.
const FlexBasePath = "/flex"

// FlexURL is the base URL of the emulator's Flex API, URL()+FlexBasePath,
// or "" before Start.
func (s *Server) FlexURL() string { return s.urlAt(FlexBasePath) }

// flexStore is Flex's part of the store.
type flexStore struct {
	// configuration is the stored body, nil when it is generated on
	// request; removed is an account without Flex.
	configuration []byte
	removed       bool
	// flows are the Flex Flows, which an account without Flex may keep.
	flows collection
}

// flex is Flex's part of s's store. Called with s.mu held.
func (s *Server) flex() *flexStore { return storePart[flexStore](&s.store) }

// flexConfiguration answers Flex's configuration; a UiVersion query pins
// the answer's ui_version to it, as Twilio answers for the version asked.
func (s *Server) flexConfiguration(c *call) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.flex()
	if st.removed {
		return http.StatusNotFound, notFoundBody(c.twilioPath())
	}
	body := st.configuration
	if body == nil {
		body = mustMarshal(NewFlexConfiguration(s.linkBase(c), s.creds.AccountSid, s.conversations().defaultService))
	}
	uiVersion := c.r.URL.Query().Get("UiVersion")
	if uiVersion == "" {
		return http.StatusOK, body
	}
	m := decodeStored("the stored Flex configuration", body)
	m["ui_version"] = uiVersion
	return http.StatusOK, mustMarshal(m)
}

// SetFlexConfiguration stores the body of Flex's GET /v1/Configuration as
// given and makes the account one with Flex; nil goes back to the generated
// one (NewFlexConfiguration). It panics if configuration cannot be encoded.
func (s *Server) SetFlexConfiguration(configuration map[string]any) {
	var body []byte
	if configuration != nil {
		body = newItem("SetFlexConfiguration", configuration).body
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.flex()
	st.configuration, st.removed = body, false
}

// RemoveFlex makes the account one where Flex was never set up: Flex's
// configuration answers 404, as Twilio's does, until SetFlexConfiguration.
func (s *Server) RemoveFlex() {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.flex()
	st.configuration, st.removed = nil, true
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
	derived := func(prefix, name string) string { return FlexSeedSid(accountSid, prefix, name) }
	if serviceSid == "" {
		serviceSid = derived("IS", flexService)
	}
	queue := derived("WQ", flexQueue)
	workflow := derived("WW", flexWorkflow)
	return map[string]any{
		"account_sid":                     accountSid,
		"date_created":                    "2020-05-04T08:00:00Z",
		"date_updated":                    "2026-11-30T17:45:12Z",
		"attributes":                      map[string]any{"contact_center": "emulated"},
		"status":                          "ok",
		"taskrouter_workspace_sid":        derived("WS", flexWorkspace),
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

// The names FlexSeedSid derives the Flex configuration's own sids from.
const (
	flexService  = "flex_service"
	flexWorkflow = "assign_to_anyone"
)

// FlexSeedSid is the sid, of type prefix, of what the emulator makes up
// for a Flex account (accountSid) under name: the objects of
// NewFlexConfiguration (IS "flex_service", WW "assign_to_anyone", ...),
// SeedFlexTaskRouter, SeedFlexServerless and SeedFlexStudio, whose
// documentation gives their names. The same arguments give the same sid, so a test can name what the
// seeds hold without reading it first.
func FlexSeedSid(accountSid, prefix, name string) string {
	return derivedSid(prefix, accountSid+"/flex/"+name)
}

// flexChatService is the chat service Flex's channels live in: the stored
// Flex configuration's, else the account's default Conversations service,
// as the generated configuration names it, else the one it derives. Called
// with s.mu held.
func (s *Server) flexChatService() string {
	if body := s.flex().configuration; body != nil {
		if sid, ok := decodeStored("the stored Flex configuration", body)["chat_service_instance_sid"].(string); ok && sid != "" {
			return sid
		}
	}
	if sid := s.conversations().defaultService; sid != "" {
		return sid
	}
	return FlexSeedSid(s.creds.AccountSid, "IS", flexService)
}

// PutFlexFlow stores flow (flex.v1.flex_flow) as the body served for it,
// found by its sid; a stored Flex Flow with the same sid is replaced in
// place, a new one goes last in lists. It panics if flow has no sid string
// or cannot be encoded as JSON, which is a bug in the caller.
func (s *Server) PutFlexFlow(flow map[string]any) {
	s.put("PutFlexFlow", flow, "", func() *collection { return &s.flex().flows })
}

// NewFlexFlow builds an enabled Flex Flow (flex.v1.flex_flow) that hands
// what reaches chatServiceSid on channelType ("web", "sms", "whatsapp",
// ...) to the Studio flow studioFlowSid, with url on baseURL (Flex's base,
// e.g. https://flex-api.twilio.com). Every field is set, but
// contact_identity on the web channel, which has no address: null as at
// Twilio.
func NewFlexFlow(baseURL, accountSid, sid, friendlyName, chatServiceSid, channelType string, studioFlowSid string) map[string]any {
	var contact any = "+15005550006"
	switch channelType {
	case "web":
		contact = nil
	case "whatsapp":
		contact = "whatsapp:+15005550006"
	}
	return map[string]any{
		"sid":              sid,
		"account_sid":      accountSid,
		"date_created":     "2020-05-04T08:00:00Z",
		"date_updated":     "2020-05-04T08:00:00Z",
		"friendly_name":    friendlyName,
		"chat_service_sid": chatServiceSid,
		"channel_type":     channelType,
		"contact_identity": contact,
		"enabled":          true,
		"integration_type": "studio",
		"integration":      map[string]any{"flow_sid": studioFlowSid, "retry_count": 3},
		"long_lived":       false,
		"janitor_enabled":  true,
		"url":              baseURL + "/v1/FlexFlows/" + sid,
	}
}
