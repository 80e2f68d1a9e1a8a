package emulator

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// startFlexTaskRouter serves a fresh Flex account's TaskRouter objects,
// and gives the base URL of TaskRouter and the workspace's sid.
func startFlexTaskRouter(t *testing.T) (*Server, string, string) {
	t.Helper()
	s, _ := start(t)
	s.SeedFlexTaskRouter()
	if s.TaskRouterURL() != s.URL()+TaskRouterBasePath {
		t.Fatalf("TaskRouterURL() = %q", s.TaskRouterURL())
	}
	return s, s.TaskRouterURL(), FlexSeedSid(acct, "WS", "workspace")
}

// listAll follows next_page_url from u and gives every item under key,
// and the pages' meta.
func listAll(t *testing.T, u, key string) ([]map[string]any, []map[string]any) {
	t.Helper()
	var items, metas []map[string]any
	for next := u; next != ""; {
		r := get(t, next)
		var page map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.body), &page); err != nil || r.status != 200 {
			t.Fatalf("%s: %d %s", next, r.status, r.body)
		}
		var these []map[string]any
		meta := decode(t, string(page["meta"]))
		if err := json.Unmarshal(page[key], &these); err != nil || meta["key"] != key {
			t.Fatalf("%s: no %q list: %s", next, key, r.body)
		}
		items, metas = append(items, these...), append(metas, meta)
		next = str(meta["next_page_url"])
		if len(metas) > 20 {
			t.Fatalf("%s: no last page", u)
		}
	}
	return items, metas
}

func field(items []map[string]any, name string) []any {
	var out []any
	for _, it := range items {
		out = append(out, it[name])
	}
	return out
}

// A chain from Flex's configuration must reach the TaskRouter objects it
// names.
func TestSeedFlexTaskRouter_hasTheFlexConfigurationsSids(t *testing.T) {
	s, tr, _ := startFlexTaskRouter(t)
	flex := decode(t, get(t, s.FlexURL()+"/v1/Configuration").body)
	if want := NewFlexConfiguration(s.FlexURL(), acct, ""); flex["taskrouter_workspace_sid"] != want["taskrouter_workspace_sid"] {
		t.Fatalf("served Flex configuration %v differs from NewFlexConfiguration's", flex["taskrouter_workspace_sid"])
	}
	ws := tr + "/v1/Workspaces/" + str(flex["taskrouter_workspace_sid"])
	workspace := decode(t, get(t, ws).body)
	offline := decode(t, get(t, ws+"/Activities/"+str(flex["taskrouter_offline_activity_sid"])).body)
	queue := decode(t, get(t, ws+"/TaskQueues/"+str(flex["taskrouter_target_taskqueue_sid"])).body)
	workflow := decode(t, get(t, ws+"/Workflows/"+str(flex["taskrouter_target_workflow_sid"])).body)
	if workspace["friendly_name"] != "Flex Task Assignment" || workspace["url"] != ws || workspace["account_sid"] != acct ||
		workspace["default_activity_sid"] != offline["sid"] || workspace["timeout_activity_sid"] != offline["sid"] ||
		workspace["default_activity_name"] != "Offline" || workspace["timeout_activity_name"] != "Offline" {
		t.Errorf("workspace %v", workspace)
	}
	if offline["friendly_name"] != "Offline" || offline["available"] != false || offline["workspace_sid"] != workspace["sid"] {
		t.Errorf("offline activity %v", offline)
	}
	if queue["friendly_name"] != "Everyone" || queue["target_workers"] != "1==1" || queue["assignment_activity_sid"] != nil {
		t.Errorf("queue %v", queue)
	}
	var config map[string]any
	if err := json.Unmarshal([]byte(str(workflow["configuration"])), &config); err != nil ||
		workflow["friendly_name"] != "Assign to Anyone" || !strings.Contains(str(workflow["configuration"]), `"queue":"`+str(queue["sid"])+`"`) {
		t.Errorf("workflow %v (%v)", workflow, err)
	}
}

func TestTaskRouter_fetchAndListEachType(t *testing.T) {
	s, tr, wsSid := startFlexTaskRouter(t)
	ws := tr + "/v1/Workspaces/" + wsSid
	for _, x := range []struct {
		list, key, name string
		fetch, single   RouteName
		want            []any
	}{
		{tr + "/v1/Workspaces", "workspaces", "friendly_name", RouteTaskRouterWorkspace, RouteTaskRouterWorkspaces, []any{"Flex Task Assignment"}},
		{ws + "/Activities", "activities", "friendly_name", RouteTaskRouterActivity, RouteTaskRouterActivities, []any{"Available", "Unavailable", "Break", "Offline"}},
		{ws + "/TaskChannels", "channels", "unique_name", RouteTaskRouterTaskChannel, RouteTaskRouterTaskChannels, []any{"default", "voice", "chat", "sms", "video"}},
		{ws + "/TaskQueues", "task_queues", "friendly_name", RouteTaskRouterTaskQueue, RouteTaskRouterTaskQueues, []any{"Everyone"}},
		{ws + "/Workflows", "workflows", "friendly_name", RouteTaskRouterWorkflow, RouteTaskRouterWorkflows, []any{"Assign to Anyone"}},
	} {
		s.Reset()
		items, metas := listAll(t, x.list, x.key)
		if got := field(items, x.name); !slices.Equal(got, x.want) {
			t.Errorf("%s: %v, want %v", x.key, got, x.want)
		}
		if want := x.list + "?PageSize=50&Page=0"; metas[0]["url"] != want {
			t.Errorf("%s: meta.url %v, want %s", x.key, metas[0]["url"], want)
		}
		for _, it := range items {
			r := get(t, str(it["url"]))
			if r.status != 200 || !strings.HasPrefix(str(it["url"]), x.list+"/") || !jsonEqual(t, r.body, it) {
				t.Errorf("%s: fetch of %v: %d %s", x.key, it["url"], r.status, r.body)
			}
		}
		reqs := s.Requests()
		if reqs[0].Route != x.single || reqs[len(reqs)-1].Route != x.fetch {
			t.Errorf("%s recorded as routes %q and %q", x.key, reqs[0].Route, reqs[len(reqs)-1].Route)
		}
	}
}

func jsonEqual(t *testing.T, body string, want map[string]any) bool {
	t.Helper()
	b, _ := json.Marshal(want)
	return string(b) == string(mustMarshal(decode(t, body)))
}

// Twilio's TaskChannels fetch takes a sid or a unique_name in the path.
func TestTaskRouter_channelByUniqueName(t *testing.T) {
	_, tr, wsSid := startFlexTaskRouter(t)
	channels := tr + "/v1/Workspaces/" + wsSid + "/TaskChannels/"
	voice := decode(t, get(t, channels+"voice").body)
	if voice["unique_name"] != "voice" || voice["friendly_name"] != "Voice" || voice["sid"] != FlexSeedSid(acct, "TC", "channel/voice") {
		t.Errorf("voice: %v", voice)
	}
	if bySid := decode(t, get(t, channels+str(voice["sid"])).body); bySid["unique_name"] != "voice" {
		t.Errorf("by sid: %v", bySid)
	}
	r := get(t, channels+"fax")
	if m := decode(t, r.body); r.status != 404 || m["code"] != 20404.0 ||
		m["message"] != "The requested resource /v1/Workspaces/"+wsSid+"/TaskChannels/fax was not found" {
		t.Errorf("unknown channel: %d %s", r.status, r.body)
	}
}

func TestTaskRouter_unknownWorkspaceAndObjects(t *testing.T) {
	s, tr, wsSid := startFlexTaskRouter(t)
	const other = "WS00000000000000000000000000000001"
	for _, path := range []string{
		"/v1/Workspaces/" + other,
		"/v1/Workspaces/" + other + "/Activities",
		"/v1/Workspaces/" + other + "/Activities/" + "WA00000000000000000000000000000001",
		"/v1/Workspaces/" + other + "/TaskChannels/voice",
		"/v1/Workspaces/" + other + "/TaskQueues",
		"/v1/Workspaces/" + other + "/Workflows",
		"/v1/Workspaces/" + wsSid + "/Activities/WA00000000000000000000000000000001",
		"/v1/Workspaces/" + wsSid + "/TaskQueues/WQ00000000000000000000000000000001",
		"/v1/Workspaces/" + wsSid + "/Workflows/WW00000000000000000000000000000001",
	} {
		r := get(t, tr+path)
		if m := decode(t, r.body); r.status != 404 || m["message"] != "The requested resource "+path+" was not found" {
			t.Errorf("%s: %d %s", path, r.status, r.body)
		}
	}
	// A workspace's objects put before it are served once it is.
	const act = "WA00000000000000000000000000000001"
	s.PutActivity(other, NewActivity(tr, acct, other, act, "Idle", true))
	if r := get(t, tr+"/v1/Workspaces/"+other+"/Activities/"+act); r.status != 404 {
		t.Errorf("activity of a workspace not put: %d %s", r.status, r.body)
	}
	s.PutWorkspace(NewWorkspace(tr, acct, other, "Second"))
	if r := get(t, tr+"/v1/Workspaces/"+other+"/Activities/"+act); r.status != 200 || decode(t, r.body)["friendly_name"] != "Idle" {
		t.Errorf("activity once its workspace is put: %d %s", r.status, r.body)
	}
	// Put again, an object is replaced in place.
	s.PutWorkspace(NewWorkspace(tr, acct, wsSid, "Renamed"))
	if got, _ := listAll(t, tr+"/v1/Workspaces", "workspaces"); !slices.Equal(field(got, "friendly_name"), []any{"Renamed", "Second"}) {
		t.Errorf("workspaces after replacing the first: %v", field(got, "friendly_name"))
	}
}

func TestTaskRouter_paging(t *testing.T) {
	s, tr, wsSid := startFlexTaskRouter(t)
	activities := tr + "/v1/Workspaces/" + wsSid + "/Activities"
	s.SetMaxPageSize(3)
	items, metas := listAll(t, activities, "activities")
	if len(items) != 4 || len(metas) != 2 || metas[0]["page_size"] != 3.0 || metas[1]["previous_page_url"] == nil ||
		!strings.HasPrefix(str(metas[0]["next_page_url"]), activities+"?PageSize=3&Page=1&PageToken=PT") {
		t.Errorf("paged by 3: %d items, meta %v", len(items), metas)
	}
	s.SetMaxPageSize(0)
	if _, metas := listAll(t, activities+"?PageSize=5000", "activities"); metas[0]["page_size"] != 1000.0 {
		t.Errorf("PageSize over TaskRouter's 1000: %v", metas[0])
	}
	s.SetLinkBase(APITaskRouter, "https://taskrouter.twilio.com")
	r := get(t, activities)
	if meta, _ := decode(t, r.body)["meta"].(map[string]any); meta["url"] != "https://taskrouter.twilio.com/v1/Workspaces/"+wsSid+"/Activities?PageSize=50&Page=0" {
		t.Errorf("meta.url with a link base: %v", meta["url"])
	}
}

// The filters the spec documents select exactly, and stay in the page
// links so that every page is of the same filtered list.
func TestTaskRouter_filters(t *testing.T) {
	s, tr, wsSid := startFlexTaskRouter(t)
	ws := tr + "/v1/Workspaces/" + wsSid
	s.SetMaxPageSize(1)
	for query, want := range map[string][]any{
		"/Activities?Available=true":                               {"Available"},
		"/Activities?Available=yes":                                {"Available"},
		"/Activities?Available=1":                                  {"Available"},
		"/Activities?Available=false":                              {"Unavailable", "Break", "Offline"},
		"/Activities?Available=TRUE":                               {"Unavailable", "Break", "Offline"},
		"/Activities?FriendlyName=Break":                           {"Break"},
		"/Activities?FriendlyName=break":                           nil,
		"/Activities?FriendlyName=Break&Available=true":            nil,
		"/Activities?FriendlyName=":                                {"Available", "Unavailable", "Break", "Offline"},
		"/TaskQueues?FriendlyName=Everyone":                        {"Everyone"},
		"/TaskQueues?WorkerSid=WK00000000000000000000000000000001": {"Everyone"},
		"/Workflows?FriendlyName=Assign%20to%20Anyone":             {"Assign to Anyone"},
		"/Workflows?FriendlyName=Assign":                           nil,
	} {
		path, key := ws+query, strings.ToLower(strings.Split(strings.TrimPrefix(query, "/"), "?")[0])
		if key == "taskqueues" {
			key = "task_queues"
		}
		items, metas := listAll(t, path, key)
		if got := field(items, "friendly_name"); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", query, got, want)
		}
		q, _ := url.ParseQuery(strings.Split(query, "?")[1])
		if next, ok := metas[0]["next_page_url"].(string); ok && q.Get("Available") != "" && !strings.Contains(next, "Available="+q.Get("Available")+"&PageSize=1&Page=1") {
			t.Errorf("%s: next_page_url %s", query, next)
		}
	}
	s.SetMaxPageSize(0)
	if got, _ := listAll(t, tr+"/v1/Workspaces?FriendlyName=Flex+Task+Assignment", "workspaces"); len(got) != 1 {
		t.Errorf("workspaces by name: %v", got)
	}
}
