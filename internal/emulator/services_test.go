package emulator

import (
	"fmt"
	"reflect"
	"testing"
)

func serviceSid(i int) string { return fmt.Sprintf("IS%032d", i) }

func TestServices_fetchInBothShapes(t *testing.T) {
	s, base := start(t)
	s.PutService(NewService(base, acct, svc, "Flex Chat Service"))
	chat := decode(t, get(t, base+"/v2/Services/"+svc).body)
	filters, _ := chat["webhook_filters"].([]any)
	limits, _ := chat["limits"].(map[string]any)
	links, _ := chat["links"].(map[string]any)
	if len(chat) != 23 || chat["friendly_name"] != "Flex Chat Service" || len(filters) != 2 || filters[0] != "onMessageSend" ||
		limits["user_channels"] != 250.0 || links["roles"] != base+"/v2/Services/"+svc+"/Roles" {
		t.Errorf("chat service: %v", chat)
	}
	conv := decode(t, get(t, base+"/v1/Services/"+svc).body)
	serviceURL := base + "/v1/Services/" + svc
	want := map[string]any{
		"sid": svc, "account_sid": acct, "friendly_name": "Flex Chat Service",
		"date_created": "2015-07-30T20:00:00Z", "date_updated": "2015-07-30T20:00:00Z", "url": serviceURL,
		"links": map[string]any{
			"conversations": serviceURL + "/Conversations", "users": serviceURL + "/Users", "roles": serviceURL + "/Roles",
			"bindings": serviceURL + "/Bindings", "configuration": serviceURL + "/Configuration",
			"participant_conversations":      serviceURL + "/ParticipantConversations",
			"conversation_with_participants": serviceURL + "/ConversationWithParticipants",
		},
	}
	if !reflect.DeepEqual(conv, want) {
		t.Errorf("conversations service:\n%v\nwant\n%v", conv, want)
	}
}

func TestServices_oddFieldsAreServedAsStored(t *testing.T) {
	s, base := start(t)
	s.PutService(map[string]any{"sid": svc, "friendly_name": nil, "url": "https://proxy.example/elsewhere", "links": nil, "limits": nil})
	conv := decode(t, get(t, base+"/v1/Services/"+svc).body)
	if !reflect.DeepEqual(conv, map[string]any{"sid": svc, "friendly_name": nil, "url": "https://proxy.example/elsewhere", "links": nil}) {
		t.Errorf("conversations service: %v", conv)
	}
}

func TestServices_unknownAndDeclaredOnlyAre404(t *testing.T) {
	s, base := start(t)
	s.AddService(svc)
	for _, p := range []string{"/v2/Services/" + svc, "/v1/Services/" + serviceSid(9)} {
		if r := get(t, base+p); r.status != 404 || decode(t, r.body)["message"] != "The requested resource "+p+" was not found" {
			t.Errorf("%s: %d %s", p, r.status, r.body)
		}
	}
	if p := getPage(t, base+"/v2/Services", "services"); len(p.items) != 0 {
		t.Errorf("declared services are listed: %v", p.items)
	}
}

func TestServices_pagesOfAHundredOnBothAPIs(t *testing.T) {
	s, base := start(t)
	for i := range 150 {
		s.PutService(NewService(base, acct, serviceSid(i), fmt.Sprintf("service %03d", i)))
	}
	for _, list := range []string{"/v2/Services", "/v1/Services"} {
		first := getPage(t, base+list+"?PageSize=500", "services")
		next, _ := first.meta["next_page_url"].(string)
		if len(first.items) != 100 || first.meta["page_size"] != 100.0 || first.meta["key"] != "services" || next == "" {
			t.Fatalf("%s: %d items, meta %v", list, len(first.items), first.meta)
		}
		second := getPage(t, next, "services")
		if len(second.items) != 50 || second.ids[0] != "service 100" || second.meta["next_page_url"] != nil {
			t.Errorf("%s page 2: %v %v", list, second.ids, second.meta)
		}
	}
}
