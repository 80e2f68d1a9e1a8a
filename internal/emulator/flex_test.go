package emulator

import "testing"

// Flex's /v1/Configuration and Conversations' are one path at Twilio, on
// two hosts: each base URL must get its own API's answer.
func TestFlexConfiguration_apartFromConversations(t *testing.T) {
	s, base := startFamily(t)
	if s.FlexURL() != base+FlexBasePath {
		t.Fatalf("FlexURL() = %q", s.FlexURL())
	}
	flex := decode(t, get(t, s.FlexURL()+"/v1/Configuration").body)
	conv := decode(t, get(t, base+"/v1/Configuration").body)
	if flex["flex_service_instance_sid"] != svc || flex["chat_service_instance_sid"] != svc || flex["url"] != s.FlexURL()+"/v1/Configuration" ||
		flex["account_sid"] != acct || flex["default_chat_service_sid"] != nil {
		t.Errorf("Flex configuration %v", flex)
	}
	if conv["default_chat_service_sid"] != svc || conv["flex_service_instance_sid"] != nil {
		t.Errorf("Conversations configuration %v", conv)
	}
	s.SetLinkBase(APIFlex, "https://flex-api.twilio.com")
	if got := decode(t, get(t, s.FlexURL()+"/v1/Configuration").body)["url"]; got != "https://flex-api.twilio.com/v1/Configuration" {
		t.Errorf("url with a link base = %v", got)
	}
}

func TestFlexConfiguration_storedPinnedAndRemoved(t *testing.T) {
	s, _ := startFamily(t)
	u := s.FlexURL() + "/v1/Configuration"
	s.SetFlexConfiguration(map[string]any{"ui_version": nil, "flex_instance_sid": "GO0123456789abcdef0123456789abcdef", "status": "inprogress"})
	if r := get(t, u); r.body != `{"flex_instance_sid":"GO0123456789abcdef0123456789abcdef","status":"inprogress","ui_version":null}` {
		t.Errorf("stored: %d %s", r.status, r.body)
	}
	if got := decode(t, get(t, u+"?UiVersion=1.34.0").body); got["ui_version"] != "1.34.0" || got["status"] != "inprogress" {
		t.Errorf("pinned: %v", got)
	}
	if s.Requests()[1].RawQuery != "UiVersion=1.34.0" {
		t.Errorf("recorded query %q", s.Requests()[1].RawQuery)
	}
	s.RemoveFlex()
	r := get(t, u)
	if m := decode(t, r.body); r.status != 404 || m["code"] != 20404.0 || m["message"] != "The requested resource /v1/Configuration was not found" {
		t.Errorf("without Flex: %d %s", r.status, r.body)
	}
	s.SetFlexConfiguration(nil)
	if r := get(t, u); r.status != 200 || decode(t, r.body)["ui_version"] != "2.9.1" {
		t.Errorf("generated again: %d %s", r.status, r.body)
	}
}
