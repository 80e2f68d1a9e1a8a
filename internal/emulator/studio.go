package emulator

// APIStudio is Studio v2: /v2 paths under StudioBasePath,
// https://studio.twilio.com.
const APIStudio API = "studio"

// Studio's routes.
const (
	RouteStudioFlow  RouteName = "StudioFlow"  // GET /studio/v2/Flows/{FW}
	RouteStudioFlows RouteName = "StudioFlows" // GET /studio/v2/Flows
)

// Studio v2 (https://studio.twilio.com): the account's flows, their
// definitions whole in a fetch and left out of the list.
var studioProduct = product{api: APIStudio, mount: StudioBasePath, base: "/v2", routes: []route{
	newRoute(RouteStudioFlow, "/Flows/{id}", studioFlows.fetch),
	newRoute(RouteStudioFlows, "/Flows", studioFlows.list),
}}

// StudioBasePath is where the emulator serves Studio. Its /v2 paths could
// sit beside Chat's today, but every API added after the first two has its
// own base path, as Twilio its own host, so that none can shadow another's
// paths as the products grow. endpoints.studio is URL()+StudioBasePath
// (StudioURL).
const StudioBasePath = "/studio"

// StudioURL is the base URL of the emulator's Studio API,
// URL()+StudioBasePath, or "" before Start.
func (s *Server) StudioURL() string { return s.urlAt(StudioBasePath) }

// Studio serves up to 1000 flows a page; the list has no filter.
var studioFlows = table{key: "flows", maxPageSize: 1000, listed: listedFlow,
	collection: onTheAccount(func(s *Server) *collection { return &s.studio().flows })}

// studioStore is Studio's part of the store.
type studioStore struct {
	flows collection
}

// studio is Studio's part of s's store. Called with s.mu held.
func (s *Server) studio() *studioStore { return storePart[studioStore](&s.store) }

// fetchOnlyFlowFields are what Twilio's list of flows answers null: the
// spec's list example has them null, and a definition may be a mebibyte, so
// that a page of a thousand whole flows would be a gigabyte. A fetch
// answers them.
var fetchOnlyFlowFields = []string{"definition", "commit_message", "valid", "errors", "warnings"}

// listedFlow is a stored flow as Twilio lists it: its fetch-only fields
// null, rendered once. Called with s.mu held.
func listedFlow(it *item) []byte {
	return it.renderedAs(renderKey{shape: "studio flow in a list"}, func() []byte {
		m := decodeStored("a stored flow", it.body)
		for _, f := range fetchOnlyFlowFields {
			if _, ok := m[f]; ok {
				m[f] = nil
			}
		}
		return mustMarshal(m)
	})
}

// PutStudioFlow stores flow (studio.v2.flow) as the body its fetch serves,
// found by its sid; the list serves it without what only a fetch answers.
// A stored flow with the same sid is replaced in place, a new one goes last
// in lists. It panics if flow has no sid string or cannot be encoded as
// JSON, which is a bug in the caller.
func (s *Server) PutStudioFlow(flow map[string]any) {
	s.put("PutStudioFlow", flow, "", func() *collection { return &s.studio().flows })
}

// NewStudioFlow builds a published flow (studio.v2.flow) with every field
// set, url and links on baseURL (Studio's base, e.g.
// https://studio.twilio.com). definition is used as given; nil is the one
// Studio gives a new flow: a Trigger widget with no transition taken.
func NewStudioFlow(baseURL, accountSid, sid, friendlyName string, definition map[string]any) map[string]any {
	if definition == nil {
		definition = studioDefinition(nil, nil)
	}
	flowURL := baseURL + "/v2/Flows/" + sid
	return map[string]any{
		"sid":            sid,
		"account_sid":    accountSid,
		"friendly_name":  friendlyName,
		"definition":     definition,
		"status":         "published",
		"revision":       1,
		"commit_message": "Published by Flex",
		"valid":          true,
		"errors":         []any{},
		"warnings":       []any{},
		"webhook_url":    "https://webhooks.twilio.com/v1/Accounts/" + accountSid + "/Flows/" + sid,
		"date_created":   "2020-05-04T08:00:00Z",
		"date_updated":   "2026-11-30T17:45:12Z",
		"url":            flowURL,
		"links":          linksUnder(flowURL, "test_users", "revisions", "executions"),
	}
}

// studioDefinition is a flow's definition in Studio's format: the Trigger
// widget, its transitions (event → the widget it goes to) and the widgets
// it goes to.
func studioDefinition(transitions map[string]string, widgets []any) map[string]any {
	var triggerTransitions []any
	for _, event := range []string{"incomingMessage", "incomingCall", "incomingConversationMessage", "incomingRequest", "incomingParent"} {
		t := map[string]any{"event": event}
		if next := transitions[event]; next != "" {
			t["next"] = next
		}
		triggerTransitions = append(triggerTransitions, t)
	}
	trigger := map[string]any{"name": "Trigger", "type": "trigger", "transitions": triggerTransitions,
		"properties": map[string]any{"offset": map[string]any{"x": 0, "y": 0}}}
	return map[string]any{
		"description":   "A New Flow",
		"states":        append([]any{trigger}, widgets...),
		"initial_state": "Trigger",
		"flags":         map[string]any{"allow_concurrent_calls": true},
	}
}

// sendToFlex is Studio's Send to Flex widget, which makes a task of what
// reached it on the Flex configuration's workflow and a task channel.
func sendToFlex(name, workflowSid, taskChannelSid, attributes string) map[string]any {
	return map[string]any{"name": name, "type": "send-to-flex",
		"transitions": []any{map[string]any{"event": "callComplete"}, map[string]any{"event": "failedToEnqueue"}, map[string]any{"event": "callFailure"}},
		"properties": map[string]any{"offset": map[string]any{"x": 20, "y": 370}, "workflow": workflowSid, "channel": taskChannelSid,
			"attributes": attributes}}
}

// The Studio flows and Flex Flows SeedFlexStudio stores, by friendly name.
const (
	flexVoiceFlow     = "Voice IVR"
	flexMessagingFlow = "Messaging Flow"
	flexChannelFlow   = "Flex Messaging Channel Flow"
	flexWebFlow       = "Flex Web Channel Flow"
)

// SeedFlexStudio stores what a Flex account's Studio and Flex Flows hold:
// the Studio flows "Voice IVR" (a call through the /hello function of
// SeedFlexServerless's "dev" environment to Flex), "Messaging Flow", "Flex
// Messaging Channel Flow" and "Flex Web Channel Flow" (messages to Flex),
// all sending to the Flex configuration's workflow; and the Flex Flows
// "Flex Messaging Channel Flow" (sms) and "Flex Web Channel Flow" (web),
// each on the Studio flow of its name and on the Flex configuration's
// chat service. Their sids are FlexSeedSid(account, prefix, friendly name)
// with prefix FW or FO; the sids the definitions name are those of what
// SeedFlexTaskRouter and SeedFlexServerless store (the workflow "Assign to
// Anyone", the task channels "voice" and "chat", the "dev" environment and
// its /hello function), so that a chain from the workflow to a flow's
// definition holds together when the three seeds are on.
// Called after Start, url and links are on the emulator; before, on Twilio.
func (s *Server) SeedFlexStudio() {
	studioBase := s.seedBase(APIStudio, StudioBasePath, "https://studio.twilio.com")
	flexBase := s.seedBase(APIFlex, FlexBasePath, "https://flex-api.twilio.com")
	acct := s.creds.AccountSid
	sid := func(prefix, name string) string { return FlexSeedSid(acct, prefix, name) }
	workflow := sid("WW", flexWorkflow)
	toFlex := func(trigger string) map[string]any {
		return studioDefinition(map[string]string{trigger: "SendMessageToAgent"}, []any{sendToFlex("SendMessageToAgent", workflow, flexTaskChannelSid(acct, "chat"),
			`{"name": "{{trigger.conversation.ChannelAttributes.from}}", "channelType": "{{trigger.conversation.ChannelAttributes.channel_type}}", "conversationSid": "{{trigger.conversation.ConversationSid}}"}`)})
	}
	service := sid("ZS", flexServerlessService)
	hello := map[string]any{"name": "function_hello", "type": "run-function",
		"transitions": []any{map[string]any{"event": "success", "next": "SendCallToAgent"}, map[string]any{"event": "fail"}},
		"properties": map[string]any{"offset": map[string]any{"x": 20, "y": 180}, "service_sid": service,
			"environment_sid": sid("ZE", flexDevEnvironment), "function_sid": sid("ZH", "/hello"),
			"url": "https://" + flexDomain(flexDevEnvironment) + "/hello"}}
	voice := studioDefinition(map[string]string{"incomingCall": "function_hello"},
		[]any{hello, sendToFlex("SendCallToAgent", workflow, flexTaskChannelSid(acct, "voice"), `{"type": "inbound", "name": "{{trigger.call.From}}"}`)})
	for _, f := range []struct {
		name       string
		definition map[string]any
	}{
		{flexVoiceFlow, voice},
		{flexMessagingFlow, toFlex("incomingConversationMessage")},
		{flexChannelFlow, toFlex("incomingMessage")},
		{flexWebFlow, toFlex("incomingMessage")},
	} {
		s.PutStudioFlow(NewStudioFlow(studioBase, acct, sid("FW", f.name), f.name, f.definition))
	}
	s.mu.Lock()
	chatService := s.flexChatService()
	s.mu.Unlock()
	for _, f := range []struct{ name, channel string }{{flexChannelFlow, "sms"}, {flexWebFlow, "web"}} {
		s.PutFlexFlow(NewFlexFlow(flexBase, acct, sid("FO", f.name), f.name, chatService, f.channel, sid("FW", f.name)))
	}
}
