package emulator

import (
	"encoding/json"
	"reflect"
	"testing"
)

// equalJSON compares a body with the value it must decode to, numbers as
// float64.
func equalJSON(t *testing.T, what, body string, want map[string]any) {
	t.Helper()
	b, _ := json.Marshal(want)
	var w map[string]any
	_ = json.Unmarshal(b, &w)
	if got := decode(t, body); !reflect.DeepEqual(got, w) {
		t.Errorf("%s:\n got %s\nwant %s", what, body, b)
	}
}

func TestConversationsUser_renderedFromTheChatUser(t *testing.T) {
	_, base := startFamily(t)
	chat := NewUser(base, acct, svc, usJing, "jing")
	conv := map[string]any{}
	for k, v := range chat {
		conv[k] = v
	}
	delete(conv, "service_sid")
	delete(conv, "joined_channels_count")
	conv["chat_service_sid"] = svc

	serviceURL := base + "/v1/Services/" + svc + "/Users/" + usJing
	conv["url"], conv["links"] = serviceURL, map[string]any{"user_conversations": serviceURL + "/Conversations"}
	for _, p := range []string{"/v1/Services/" + svc + "/Users/jing", "/v1/Services/" + svc + "/Users/" + usJing} {
		r := get(t, base+p)
		equalJSON(t, p, r.body, conv)
	}
	defaultURL := base + "/v1/Users/" + usJing
	conv["url"], conv["links"] = defaultURL, map[string]any{"user_conversations": defaultURL + "/Conversations"}
	equalJSON(t, "/v1/Users/jing", get(t, base+"/v1/Users/jing").body, conv)

	// The Chat answer is the stored body, untouched.
	equalJSON(t, "chat", get(t, userURL(base, svc, "jing")).body, chat)
}

func TestConversationsUser_linksFollowTheStoredOnes(t *testing.T) {
	s, base := start(t)
	s.SetDefaultService(svc)
	for name, c := range map[string]struct {
		chatBase, wantBase string
	}{
		"twilio":          {"https://chat.twilio.com", "https://conversations.twilio.com"},
		"edge and region": {"https://chat.dublin.ie1.twilio.com", "https://conversations.dublin.ie1.twilio.com"},
		"a proxy":         {"https://twilio-proxy.example.com/chat", "https://twilio-proxy.example.com/chat"},
	} {
		s.PutUser(svc, NewUser(c.chatBase, acct, svc, usJing, "jing"))
		u := decode(t, get(t, base+"/v1/Users/"+usJing).body)
		want := c.wantBase + "/v1/Users/" + usJing
		if u["url"] != want || !reflect.DeepEqual(u["links"], map[string]any{"user_conversations": want + "/Conversations"}) {
			t.Errorf("%s: url %v links %v", name, u["url"], u["links"])
		}
	}

	// SetLinkBase wins over the stored base, for generated links only.
	s.SetLinkBase(APIConversations, "https://conversations.twilio.com/")
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
	if u := decode(t, get(t, base+"/v1/Services/"+svc+"/Users/jing").body); u["url"] != "https://conversations.twilio.com/v1/Services/"+svc+"/Users/"+usJing {
		t.Errorf("with a link base: url %v", u["url"])
	}
	s.SetLinkBase(APIConversations, "")
	if u := decode(t, get(t, base+"/v1/Services/"+svc+"/Users/jing").body); u["url"] != base+"/v1/Services/"+svc+"/Users/"+usJing {
		t.Errorf("link base reset: url %v", u["url"])
	}
}

func TestConversationsUser_nullsAndOddValuesKept(t *testing.T) {
	s, base := start(t)
	s.SetDefaultService(svc)
	s.PutUser(svc, map[string]any{
		"sid": usJing, "account_sid": nil, "service_sid": nil, "identity": "jing", "attributes": `{"a":"<&>"}`,
		"is_online": nil, "is_notifiable": nil, "links": nil, "url": "https://example.com/custom",
		"joined_channels_count": json.Number("12345678901234567890"), "extra": []any{1, "two"},
	})
	want := `{"account_sid":null,"attributes":"{\"a\":\"<&>\"}","chat_service_sid":null,"extra":[1,"two"],"identity":"jing","is_notifiable":null,"is_online":null,"links":null,"sid":"` + usJing + `","url":"https://example.com/custom"}`
	for _, p := range []string{"/v1/Services/" + svc + "/Users/jing", "/v1/Users/jing"} {
		if r := get(t, base+p); r.status != 200 || r.body != want {
			t.Errorf("%s: %d\n got %s\nwant %s", p, r.status, r.body, want)
		}
	}

	// Generated url with links of the user's own: only url moves.
	chat := NewUser(base, acct, svc, usJing, "jing")
	chat["links"] = map[string]any{"user_channels": "https://example.com/c"}
	s.PutUser(svc, chat)
	u := decode(t, get(t, base+"/v1/Users/jing").body)
	if u["url"] != base+"/v1/Users/"+usJing || !reflect.DeepEqual(u["links"], map[string]any{"user_channels": "https://example.com/c"}) {
		t.Errorf("url %v links %v", u["url"], u["links"])
	}
	// A re-put user is rendered anew.
	s.PutUser(svc, map[string]any{"sid": usJing, "identity": "jing", "links": nil})
	if r := get(t, base+"/v1/Users/jing"); r.body != `{"identity":"jing","links":null,"sid":"`+usJing+`"}` {
		t.Errorf("after PutUser: %s", r.body)
	}
}

func TestRoles_chatAndConversationsShapes(t *testing.T) {
	s, base := startFamily(t)
	chatRole := map[string]any{
		"sid": rlService, "account_sid": acct, "service_sid": svc, "friendly_name": "service admin", "type": "deployment",
		"permissions": []any{"createChannel", "destroyChannel"}, "date_created": "2016-03-03T19:47:15Z", "date_updated": "2016-03-03T19:47:15Z",
		"url": base + "/v2/Services/" + svc + "/Roles/" + rlService,
	}
	equalJSON(t, "chat role", get(t, base+"/v2/Services/"+svc+"/Roles/"+rlService).body, chatRole)

	convRole := map[string]any{}
	for k, v := range chatRole {
		convRole[k] = v
	}
	delete(convRole, "service_sid")
	convRole["chat_service_sid"], convRole["type"] = svc, "service"
	convRole["url"] = base + "/v1/Services/" + svc + "/Roles/" + rlService
	equalJSON(t, "conversations role", get(t, base+"/v1/Services/"+svc+"/Roles/"+rlService).body, convRole)
	convRole["url"] = base + "/v1/Roles/" + rlService
	equalJSON(t, "default service role", get(t, base+"/v1/Roles/"+rlService).body, convRole)

	channel := decode(t, get(t, base+"/v1/Roles/"+rlChannel).body)
	if channel["type"] != "conversation" || !reflect.DeepEqual(channel["permissions"], []any{"sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"}) {
		t.Errorf("channel role: %v", channel)
	}

	// Odd values and nulls are served as stored in both shapes.
	s.PutRole(svc, map[string]any{"sid": rlChannel, "type": "bogus", "permissions": nil, "url": nil})
	if r := get(t, base+"/v1/Roles/"+rlChannel); r.body != `{"permissions":null,"sid":"`+rlChannel+`","type":"bogus","url":null}` {
		t.Errorf("odd role: %s", r.body)
	}
}

func TestConfigurations(t *testing.T) {
	s, base := start(t)
	s.AddService(svc)
	cfgURL := base + "/v1/Services/" + svc + "/Configuration"
	equalJSON(t, "generated service configuration", get(t, cfgURL).body, map[string]any{
		"chat_service_sid":                      svc,
		"default_chat_service_role_sid":         derivedSid("RL", svc+"/default_chat_service_role"),
		"default_conversation_role_sid":         derivedSid("RL", svc+"/default_conversation_role"),
		"default_conversation_creator_role_sid": derivedSid("RL", svc+"/default_conversation_creator_role"),
		"reachability_enabled":                  false,
		"url":                                   cfgURL,
		"links":                                 map[string]any{"notifications": cfgURL + "/Notifications", "webhooks": cfgURL + "/Webhooks"},
	})
	stored := map[string]any{"chat_service_sid": svc, "default_chat_service_role_sid": nil, "reachability_enabled": nil, "links": nil}
	s.SetServiceConfiguration(svc, stored)
	stored["reachability_enabled"] = true // the server keeps its own copy
	if r := get(t, cfgURL); r.body != `{"chat_service_sid":"`+svc+`","default_chat_service_role_sid":null,"links":null,"reachability_enabled":null}` {
		t.Errorf("stored service configuration: %s", r.body)
	}

	account := decode(t, get(t, base+"/v1/Configuration").body)
	if account["default_chat_service_sid"] != nil || account["account_sid"] != acct || account["url"] != base+"/v1/Configuration" ||
		!reflect.DeepEqual(account["links"], map[string]any{"webhooks": base + "/v1/Configuration/Webhooks"}) {
		t.Errorf("account configuration without a default service: %v", account)
	}
	s.SetDefaultService(svc)
	equalJSON(t, "generated account configuration", get(t, base+"/v1/Configuration").body, map[string]any{
		"account_sid":                   acct,
		"default_chat_service_sid":      svc,
		"default_messaging_service_sid": derivedSid("MG", acct+"/default_messaging_service"),
		"default_inactive_timer":        "PT1M",
		"default_closed_timer":          "PT10M",
		"url":                           base + "/v1/Configuration",
		"links":                         map[string]any{"webhooks": base + "/v1/Configuration/Webhooks", "service": cfgURL},
	})

	// A stored account configuration names the default service, and
	// SetDefaultService keeps it in step.
	s.PutUser(otherSvc, NewUser(base, acct, otherSvc, usJing, "other"))
	s.SetAccountConfiguration(map[string]any{"account_sid": acct, "default_chat_service_sid": otherSvc, "default_closed_timer": nil})
	if r := get(t, base+"/v1/Users/other"); r.status != 200 {
		t.Errorf("default service from the account configuration: %d %s", r.status, r.body)
	}
	s.SetDefaultService(svc)
	if r := get(t, base+"/v1/Configuration"); r.body != `{"account_sid":"`+acct+`","default_chat_service_sid":"`+svc+`","default_closed_timer":null}` {
		t.Errorf("stored account configuration: %s", r.body)
	}
	s.SetAccountConfiguration(map[string]any{"default_chat_service_sid": nil})
	if r := get(t, base+"/v1/Users/other"); r.status != 404 {
		t.Errorf("null default service: %d", r.status)
	}
	s.SetAccountConfiguration(nil)
	s.SetServiceConfiguration(svc, nil)
	if a, c := decode(t, get(t, base+"/v1/Configuration").body), decode(t, get(t, cfgURL).body); a["default_inactive_timer"] != "PT1M" || c["reachability_enabled"] != false {
		t.Errorf("back to generated: %v %v", a, c)
	}
}
