package emulator

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func userSid(i int) string { return fmt.Sprintf("US%032d", i) }

// putUsers stores n users named user-0..user-(n-1) in that order.
func putUsers(s *Server, base string, n int) {
	for i := range n {
		s.PutUser(svc, NewUser(base, acct, svc, userSid(i), fmt.Sprintf("user-%d", i)))
	}
}

type page struct {
	meta  map[string]any
	items []map[string]any
	ids   []string
}

func getPage(t *testing.T, u, key string) page {
	t.Helper()
	r := get(t, u)
	if r.status != 200 {
		t.Fatalf("%s: %d %s", u, r.status, r.body)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.body), &m); err != nil || len(m) != 2 {
		t.Fatalf("%s: want meta and %s only: %s (%v)", u, key, r.body, err)
	}
	var p page
	if err := json.Unmarshal(m["meta"], &p.meta); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(m[key], &p.items); err != nil {
		t.Fatal(err)
	}
	for _, item := range p.items {
		id := str(item["identity"])
		if key == "roles" || key == "services" {
			id = str(item["friendly_name"])
		}
		p.ids = append(p.ids, id)
	}
	return p
}

// str is v when it is a string, else "".
func str(v any) string {
	s, _ := v.(string)
	return s
}

func TestList_metaOfASinglePage(t *testing.T) {
	s, base := startFamily(t)
	putUsers(s, base, 2)
	p := getPage(t, base+"/v2/Services/"+svc+"/Users", "users")
	first := base + "/v2/Services/" + svc + "/Users?PageSize=50&Page=0"
	want := map[string]any{"first_page_url": first, "key": "users", "next_page_url": nil, "page": 0.0, "page_size": 50.0, "previous_page_url": nil, "url": first}
	if !reflect.DeepEqual(p.meta, want) {
		t.Errorf("meta = %v\nwant %v", p.meta, want)
	}
	if !reflect.DeepEqual(p.ids, []string{"jing", "user-0", "user-1"}) || p.items[0]["joined_channels_count"] != 3.0 {
		t.Errorf("users %v", p.ids)
	}

	roles := getPage(t, base+"/v1/Roles?PageSize=10", "roles")
	if roles.meta["key"] != "roles" || roles.meta["url"] != base+"/v1/Roles?PageSize=10&Page=0" || !reflect.DeepEqual(roles.ids, []string{"channel user", "service admin"}) ||
		roles.items[1]["type"] != "service" || roles.items[1]["chat_service_sid"] != svc {
		t.Errorf("default service roles: %v %v", roles.meta, roles.items)
	}
	convUsers := getPage(t, base+"/v1/Services/"+svc+"/Users", "users")
	if _, ok := convUsers.items[0]["joined_channels_count"]; ok || convUsers.items[0]["url"] != base+"/v1/Services/"+svc+"/Users/"+usJing {
		t.Errorf("conversations list item: %v", convUsers.items[0])
	}
	empty := getPage(t, base+"/v2/Services/"+svc+"/Roles?Page=3", "roles")
	if len(empty.items) != 0 || empty.meta["next_page_url"] != nil || empty.meta["previous_page_url"] != base+"/v2/Services/"+svc+"/Roles?PageSize=50&Page=2" {
		t.Errorf("page past the end: %v", empty.meta)
	}
}

func TestList_followsNextAndPreviousPages(t *testing.T) {
	s, base := start(t)
	putUsers(s, base, 5)
	listURL := base + "/v2/Services/" + svc + "/Users"
	var got [][]string
	var metas []map[string]any
	for u := listURL + "?PageSize=2"; ; {
		p := getPage(t, u, "users")
		got, metas = append(got, p.ids), append(metas, p.meta)
		next, _ := p.meta["next_page_url"].(string)
		if next == "" {
			break
		}
		u = next
	}
	if want := [][]string{{"user-0", "user-1"}, {"user-2", "user-3"}, {"user-4"}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("pages %v, want %v", got, want)
	}
	if m := metas[1]; m["page"] != 1.0 || m["url"] != listURL+"?PageSize=2&Page=1&PageToken=PT2" ||
		m["next_page_url"] != listURL+"?PageSize=2&Page=2&PageToken=PT4" || m["previous_page_url"] != listURL+"?PageSize=2&Page=0&PageToken=PB3" ||
		m["first_page_url"] != listURL+"?PageSize=2&Page=0" {
		t.Errorf("page 1 meta: %v", m)
	}
	prev := getPage(t, str(metas[2]["previous_page_url"]), "users")
	if !reflect.DeepEqual(prev.ids, []string{"user-2", "user-3"}) || prev.meta["page"] != 1.0 {
		t.Errorf("previous of the last page: %v %v", prev.ids, prev.meta)
	}
	// Page without a token counts pages from the first.
	if p := getPage(t, listURL+"?PageSize=2&Page=1", "users"); !reflect.DeepEqual(p.ids, []string{"user-2", "user-3"}) {
		t.Errorf("Page=1: %v", p.ids)
	}
}

func TestList_pageSizeClampedToTheAPIsMax(t *testing.T) {
	s, base := start(t)
	s.SetDefaultService(svc)
	putUsers(s, base, 120)
	for u, want := range map[string]int{
		base + "/v2/Services/" + svc + "/Users?PageSize=1000": 100,
		base + "/v1/Services/" + svc + "/Users?PageSize=1000": 50,
		base + "/v1/Users?PageSize=51":                        50,
		base + "/v1/Users?PageSize=7":                         7,
		base + "/v2/Services/" + svc + "/Users":               50,
	} {
		p := getPage(t, u, "users")
		if len(p.items) != want || p.meta["page_size"] != float64(want) || !strings.Contains(str(p.meta["next_page_url"]), fmt.Sprintf("PageSize=%d&", want)) {
			t.Errorf("%s: %d items, meta %v", u, len(p.items), p.meta)
		}
	}
	s.SetMaxPageSize(3)
	if p := getPage(t, base+"/v2/Services/"+svc+"/Users?PageSize=100", "users"); len(p.items) != 3 || p.meta["page_size"] != 3.0 {
		t.Errorf("SetMaxPageSize(3): %d items, meta %v", len(p.items), p.meta)
	}
	s.SetMaxPageSize(0)
	if p := getPage(t, base+"/v2/Services/"+svc+"/Users?PageSize=100", "users"); len(p.items) != 100 {
		t.Errorf("SetMaxPageSize(0): %d items", len(p.items))
	}
}

func TestList_roleOnTheLastOfThreePages(t *testing.T) {
	s, base := startFamily(t)
	s.PutRole(svc, NewRole(base, acct, svc, "RL00000000000000000000000000000003", "moderator", "channel", nil))
	s.SetMaxPageSize(1)
	var pages int
	var last []string
	for u := base + "/v1/Services/" + svc + "/Roles?PageSize=50"; u != ""; pages++ {
		p := getPage(t, u, "roles")
		last = p.ids
		u, _ = p.meta["next_page_url"].(string)
	}
	if pages != 3 || !reflect.DeepEqual(last, []string{"moderator"}) {
		t.Errorf("%d pages, last %v", pages, last)
	}
}

func TestList_invalidQueries(t *testing.T) {
	_, base := startFamily(t)
	for _, q := range []string{"PageSize=0", "PageSize=x", "Page=-1", "PageToken=PX1", "PageToken=PT", "PageToken=PB0"} {
		r := get(t, base+"/v2/Services/"+svc+"/Users?"+q)
		if r.status != 400 || decode(t, r.body)["code"] != 20001.0 || decode(t, r.body)["status"] != 400.0 {
			t.Errorf("%s: %d %s", q, r.status, r.body)
		}
	}
}

func TestList_linkBaseAndNextRewrite(t *testing.T) {
	s, base := start(t)
	s.SetDefaultService(svc)
	putUsers(s, base, 3)
	s.SetLinkBase(APIChat, "https://chat.twilio.com")
	s.SetLinkBase(APIConversations, "https://conversations.twilio.com")
	chat := getPage(t, base+"/v2/Services/"+svc+"/Users?PageSize=2", "users")
	if chat.meta["next_page_url"] != "https://chat.twilio.com/v2/Services/"+svc+"/Users?PageSize=2&Page=1&PageToken=PT2" ||
		chat.meta["url"] != "https://chat.twilio.com/v2/Services/"+svc+"/Users?PageSize=2&Page=0" {
		t.Errorf("chat meta: %v", chat.meta)
	}
	if chat.items[0]["url"] != base+"/v2/Services/"+svc+"/Users/"+userSid(0) {
		t.Errorf("stored chat url must stay: %v", chat.items[0]["url"])
	}
	conv := getPage(t, base+"/v1/Users?PageSize=2", "users")
	if conv.meta["next_page_url"] != "https://conversations.twilio.com/v1/Users?PageSize=2&Page=1&PageToken=PT2" ||
		conv.items[1]["url"] != "https://conversations.twilio.com/v1/Users/"+userSid(1) {
		t.Errorf("conversations: %v %v", conv.meta, conv.items[1]["url"])
	}

	var seen []string
	s.SetNextPageURLRewrite(func(next string) string {
		seen = append(seen, next)
		return strings.Replace(next, "https://chat.twilio.com", "https://evil.example.com", 1)
	})
	p := getPage(t, base+"/v2/Services/"+svc+"/Users?PageSize=2", "users")
	last := getPage(t, base+"/v2/Services/"+svc+"/Users?PageSize=2&Page=1&PageToken=PT2", "users")
	if p.meta["next_page_url"] != "https://evil.example.com/v2/Services/"+svc+"/Users?PageSize=2&Page=1&PageToken=PT2" || len(seen) != 1 || last.meta["next_page_url"] != nil {
		t.Errorf("rewritten: %v, rewrite saw %v, last page next %v", p.meta["next_page_url"], seen, last.meta["next_page_url"])
	}
	s.SetNextPageURLRewrite(nil)
	s.SetLinkBase(APIChat, "")
	if p := getPage(t, base+"/v2/Services/"+svc+"/Users?PageSize=2", "users"); p.meta["next_page_url"] != base+"/v2/Services/"+svc+"/Users?PageSize=2&Page=1&PageToken=PT2" {
		t.Errorf("after reset: %v", p.meta["next_page_url"])
	}
}

// A user moved to the end while the list is read shows up twice, as it
// would at Twilio; nobody is skipped.
func TestList_pageHookMovesAUserMidList(t *testing.T) {
	s, base := start(t)
	putUsers(s, base, 4)
	var calls []string
	var once sync.Once
	s.SetPageHook(func(route RouteName, page int) {
		calls = append(calls, fmt.Sprint(route, " ", page))
		if page == 1 {
			once.Do(func() {
				s.DeleteUser(svc, "user-0")
				s.PutUser(svc, NewUser(base, acct, svc, userSid(0), "user-0"))
			})
		}
	})
	var ids []string
	for u := base + "/v2/Services/" + svc + "/Users?PageSize=2"; u != ""; {
		p := getPage(t, u, "users")
		ids = append(ids, p.ids...)
		u, _ = p.meta["next_page_url"].(string)
	}
	if want := []string{"user-0", "user-1", "user-2", "user-3", "user-0"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("read %v, want %v", ids, want)
	}
	if want := []string{"ChatUsers 0", "ChatUsers 1", "ChatUsers 2"}; !reflect.DeepEqual(calls, want) {
		t.Errorf("hook calls %v, want %v", calls, want)
	}
	s.SetPageHook(nil)
	getPage(t, base+"/v2/Services/"+svc+"/Users", "users")
	if len(calls) != 3 {
		t.Errorf("hook called after removal")
	}
}

func TestList_faultOnTheSecondPageOnly(t *testing.T) {
	s, base := start(t)
	putUsers(s, base, 3)
	s.InjectRouteFaults(RouteChatUsers, Fault{}, Fault{Status: 503})
	first := getPage(t, base+"/v2/Services/"+svc+"/Users?PageSize=2", "users")
	next := str(first.meta["next_page_url"])
	if r := get(t, next); r.status != 503 || decode(t, r.body)["code"] != 20503.0 {
		t.Errorf("page 2: %d %s", r.status, r.body)
	}
	if p := getPage(t, next, "users"); !reflect.DeepEqual(p.ids, []string{"user-2"}) {
		t.Errorf("page 2 retried: %v", p.ids)
	}
	if r := get(t, userURL(base, svc, "user-2")); r.status != 200 {
		t.Errorf("fetch route hit by a list fault: %d", r.status)
	}
}

func TestList_tenThousandUsers(t *testing.T) {
	s, base := start(t)
	s.SetDefaultService(svc)
	const n = 10_000
	putUsers(s, base, n)
	for _, c := range []struct{ path, size string }{{"/v2/Services/" + svc + "/Users", "100"}, {"/v1/Users", "50"}} {
		seen := map[string]bool{}
		pages := 0
		for u := base + c.path + "?PageSize=" + c.size; u != ""; pages++ {
			p := getPage(t, u, "users")
			for _, it := range p.items {
				seen[str(it["sid"])] = true
			}
			u, _ = p.meta["next_page_url"].(string)
		}
		if len(seen) != n || !seen[userSid(n-1)] {
			t.Errorf("%s: %d distinct users in %d pages", c.path, len(seen), pages)
		}
	}
}
