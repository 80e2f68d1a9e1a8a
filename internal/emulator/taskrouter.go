package emulator

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// TaskRouter v1 (https://taskrouter.twilio.com): the account's workspaces
// and, in each, its activities, task channels, task queues and workflows,
// which Flex creates for itself and teams look up by name. {service} is
// the workspace in the paths below.
var taskRouterProduct = product{api: APITaskRouter, prefix: TaskRouterBasePath, base: "/v1", routes: []route{
	newRoute(RouteTaskRouterWorkspace, "/Workspaces/{id}", taskRouterWorkspaces.fetch),
	newRoute(RouteTaskRouterWorkspaces, "/Workspaces", taskRouterWorkspaces.list),
	newRoute(RouteTaskRouterActivity, "/Workspaces/{service}/Activities/{id}", taskRouterActivities.fetch),
	newRoute(RouteTaskRouterActivities, "/Workspaces/{service}/Activities", taskRouterActivities.list),
	newRoute(RouteTaskRouterTaskChannel, "/Workspaces/{service}/TaskChannels/{id}", taskRouterChannels.fetch),
	newRoute(RouteTaskRouterTaskChannels, "/Workspaces/{service}/TaskChannels", taskRouterChannels.list),
	newRoute(RouteTaskRouterTaskQueue, "/Workspaces/{service}/TaskQueues/{id}", taskRouterQueues.fetch),
	newRoute(RouteTaskRouterTaskQueues, "/Workspaces/{service}/TaskQueues", taskRouterQueues.list),
	newRoute(RouteTaskRouterWorkflow, "/Workspaces/{service}/Workflows/{id}", taskRouterWorkflows.fetch),
	newRoute(RouteTaskRouterWorkflows, "/Workspaces/{service}/Workflows", taskRouterWorkflows.list),
}}

// APITaskRouter is TaskRouter, /v1 paths under TaskRouterBasePath,
// https://taskrouter.twilio.com.
const APITaskRouter API = "taskrouter"

// TaskRouter's routes.
const (
	RouteTaskRouterWorkspace    RouteName = "TaskRouterWorkspace"    // GET /v1/Workspaces/{WS}
	RouteTaskRouterWorkspaces   RouteName = "TaskRouterWorkspaces"   // GET /v1/Workspaces
	RouteTaskRouterActivity     RouteName = "TaskRouterActivity"     // GET /v1/Workspaces/{WS}/Activities/{WA}
	RouteTaskRouterActivities   RouteName = "TaskRouterActivities"   // GET /v1/Workspaces/{WS}/Activities
	RouteTaskRouterTaskChannel  RouteName = "TaskRouterTaskChannel"  // GET /v1/Workspaces/{WS}/TaskChannels/{TC or unique_name}
	RouteTaskRouterTaskChannels RouteName = "TaskRouterTaskChannels" // GET /v1/Workspaces/{WS}/TaskChannels
	RouteTaskRouterTaskQueue    RouteName = "TaskRouterTaskQueue"    // GET /v1/Workspaces/{WS}/TaskQueues/{WQ}
	RouteTaskRouterTaskQueues   RouteName = "TaskRouterTaskQueues"   // GET /v1/Workspaces/{WS}/TaskQueues
	RouteTaskRouterWorkflow     RouteName = "TaskRouterWorkflow"     // GET /v1/Workspaces/{WS}/Workflows/{WW}
	RouteTaskRouterWorkflows    RouteName = "TaskRouterWorkflows"    // GET /v1/Workspaces/{WS}/Workflows
)

// TaskRouterBasePath is where the emulator serves TaskRouter: its /v1
// paths are on Conversations' and Flex's version, so it lives under its own
// base path on the same listener, as Flex does. endpoints.taskrouter is
// URL()+TaskRouterBasePath (TaskRouterURL), and every path below it is
// exactly Twilio's.
const TaskRouterBasePath = "/taskrouter"

// TaskRouterURL is the base URL of the emulator's TaskRouter API,
// URL()+TaskRouterBasePath, or "" before Start.
func (s *Server) TaskRouterURL() string { return s.urlUnder(TaskRouterBasePath) }

// taskRouterDefaultBase is Twilio's own TaskRouter host, the base of the
// links of objects seeded before the emulator listens.
const taskRouterDefaultBase = "https://taskrouter.twilio.com"

// The lists' keys are the spec's (ListTaskChannelResponse's is "channels",
// not "task_channels"). TaskRouter serves up to 1000 objects a page. The
// filters are the list operations' documented ones that select by a field
// the objects carry, matched exactly as Twilio documents; TaskQueues'
// EvaluateWorkerAttributes and WorkerSid (the emulator has no workers) and
// Ordering (whose values the spec does not give) are ignored.
var (
	taskRouterWorkspaces = taskRouterObjects{key: "workspaces", filters: []listFilter{friendlyNameFilter}}
	taskRouterActivities = taskRouterObjects{key: "activities", filters: []listFilter{friendlyNameFilter, availableFilter}}
	taskRouterChannels   = taskRouterObjects{key: "channels", byUniqueName: true}
	taskRouterQueues     = taskRouterObjects{key: "task_queues", filters: []listFilter{friendlyNameFilter}}
	taskRouterWorkflows  = taskRouterObjects{key: "workflows", filters: []listFilter{friendlyNameFilter}}
)

const taskRouterMaxPageSize = 1000

// taskRouterObjects is what a TaskRouter route serves: the workspaces, or
// one type of a workspace's objects, as stored.
type taskRouterObjects struct {
	key string // the list's key, and the type's part of a workspace
	// byUniqueName: a fetch takes a unique_name where a sid is not found,
	// as Twilio's TaskChannels fetch does.
	byUniqueName bool
	filters      []listFilter
}

// listFilter is a list's query parameter that keeps the objects whose
// field equals the parameter's value, parsed as Twilio documents it.
type listFilter struct {
	param, field string
	value        func(string) any
}

var (
	friendlyNameFilter = listFilter{param: "FriendlyName", field: "friendly_name", value: func(v string) any { return v }}
	// Available: "Values of '1' or `yes` also indicate `true`. All other
	// values represent `false`".
	availableFilter = listFilter{param: "Available", field: "available", value: func(v string) any { return v == "true" || v == "1" || v == "yes" }}
)

func (o taskRouterObjects) fetch(s *Server, c *call) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	col := o.collection(s, c)
	var it *item
	if col != nil {
		it = col.find(c.id, o.byUniqueName)
	}
	if it == nil {
		return http.StatusNotFound, notFoundBody(c.twilioPath())
	}
	return http.StatusOK, it.body
}

func (o taskRouterObjects) list(s *Server, c *call) (int, []byte) {
	return s.list(c, func() (listing, int, []byte) {
		col := o.collection(s, c)
		if col == nil {
			return listing{}, http.StatusNotFound, notFoundBody(c.twilioPath())
		}
		l := listing{collection: col, key: o.key, maxPageSize: taskRouterMaxPageSize, render: func(it *item) []byte { return it.body }}
		l.keep, l.query = o.where(c.r.URL.Query())
		return l, http.StatusOK, nil
	})
}

// where is what q asks o's list to keep, and the query that says so; nil
// keeps everything. An empty parameter asks for nothing.
func (o taskRouterObjects) where(q url.Values) (func(*item) bool, url.Values) {
	want, query := map[string]any{}, url.Values{}
	for _, f := range o.filters {
		if v := q.Get(f.param); v != "" {
			want[f.field] = f.value(v)
			query.Set(f.param, v)
		}
	}
	if len(want) == 0 {
		return nil, nil
	}
	return func(it *item) bool {
		m := decodeStored("a stored TaskRouter object", it.body)
		for field, v := range want {
			if m[field] != v {
				return false
			}
		}
		return true
	}, query
}

// collection is what o serves for c, or nil when nothing lives at its
// path: a workspace's objects are served once the workspace is put.
// Called with s.mu held.
func (o taskRouterObjects) collection(s *Server, c *call) *collection {
	st := s.taskRouter()
	if o.key == taskRouterWorkspaces.key {
		return &st.workspaces
	}
	if st.workspaces.bySid[c.service] == nil {
		return nil
	}
	return st.of(c.service, o.key)
}

// taskRouterStore is TaskRouter's part of the store.
type taskRouterStore struct {
	workspaces collection
	// children are each workspace's objects by their type's key; those of
	// a workspace not put are kept, and served once it is.
	children map[string]map[string]*collection
}

// taskRouter is TaskRouter's part of s's store. Called with s.mu held.
func (s *Server) taskRouter() *taskRouterStore { return storePart[taskRouterStore](&s.store) }

// of is the objects of type key in workspaceSid, made on first use.
func (st *taskRouterStore) of(workspaceSid, key string) *collection {
	if st.children == nil {
		st.children = map[string]map[string]*collection{}
	}
	types := st.children[workspaceSid]
	if types == nil {
		types = map[string]*collection{}
		st.children[workspaceSid] = types
	}
	if types[key] == nil {
		types[key] = &collection{}
	}
	return types[key]
}

// put stores object as the body served for it, among the workspaces when
// workspaceSid is "", else among workspaceSid's objects of o's type,
// replacing the one with its sid (or, for a channel, its unique_name) in
// place; a new one goes last in lists. It panics if object has no sid or
// cannot be encoded, which is a bug in caller's caller.
func (o taskRouterObjects) put(s *Server, caller, workspaceSid string, object map[string]any) {
	it := newItem(caller, object)
	if it.sid == "" {
		panic(fmt.Sprintf("emulator: %s: the object has no sid", caller))
	}
	if o.byUniqueName {
		it.identity, _ = object["unique_name"].(string)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.taskRouter()
	col := &st.workspaces
	if workspaceSid != "" {
		col = st.of(workspaceSid, o.key)
	}
	col.put(it, &s.store.seq)
}

// PutWorkspace stores workspace (taskrouter.v1.workspace) as the body
// served for it, and makes its activities, channels, queues and workflows
// served. A stored workspace with the same "sid" is replaced in place; a
// new one goes last in lists. It panics if workspace has no sid string or
// cannot be encoded as JSON, which is a bug in the caller.
func (s *Server) PutWorkspace(workspace map[string]any) {
	taskRouterWorkspaces.put(s, "PutWorkspace", "", workspace)
}

// PutActivity stores activity in workspaceSid as PutWorkspace stores a
// workspace. The objects of a workspace not put yet are kept, but its
// routes answer 404, as Twilio's do for an unknown workspace, until
// PutWorkspace puts it; PutTaskChannel, PutTaskQueue and PutWorkflow alike.
func (s *Server) PutActivity(workspaceSid string, activity map[string]any) {
	taskRouterActivities.put(s, "PutActivity", workspaceSid, activity)
}

// PutTaskChannel stores channel as PutActivity stores an activity; it is
// fetched by sid, then by unique_name, and one with the same unique_name
// is replaced too.
func (s *Server) PutTaskChannel(workspaceSid string, channel map[string]any) {
	taskRouterChannels.put(s, "PutTaskChannel", workspaceSid, channel)
}

// PutTaskQueue stores queue as PutActivity stores an activity.
func (s *Server) PutTaskQueue(workspaceSid string, queue map[string]any) {
	taskRouterQueues.put(s, "PutTaskQueue", workspaceSid, queue)
}

// PutWorkflow stores workflow as PutActivity stores an activity.
func (s *Server) PutWorkflow(workspaceSid string, workflow map[string]any) {
	taskRouterWorkflows.put(s, "PutWorkflow", workspaceSid, workflow)
}

// SeedFlexTaskRouter puts the TaskRouter objects Flex creates in a new
// account: the workspace "Flex Task Assignment" with its activities
// (Available, Unavailable, Break, Offline: the workspace's default and
// timeout activity), task channels (default, voice, chat, sms, video), the
// queue "Everyone" and the workflow "Assign to Anyone" routing every task
// to it. The workspace, Offline, Everyone and Assign to Anyone have the
// sids NewFlexConfiguration gives for the account (so a chain from Flex's
// configuration reaches them), the others sids derived the same way.
// Links are on SetLinkBase's TaskRouter base, else TaskRouterURL, else
// Twilio's own host before Start, as they are stored once, not per request.
func (s *Server) SeedFlexTaskRouter() {
	acct := s.creds.AccountSid
	s.mu.Lock()
	base := s.paging.linkBase[APITaskRouter]
	s.mu.Unlock()
	if base == "" {
		base = s.TaskRouterURL()
	}
	if base == "" {
		base = taskRouterDefaultBase
	}
	sidOf := func(prefix, name string) string { return flexSid(prefix, acct, name) }
	ws, offline, queue := sidOf("WS", "workspace"), sidOf("WA", "offline"), sidOf("WQ", "everyone")

	workspace := NewWorkspace(base, acct, ws, "Flex Task Assignment")
	for _, f := range []string{"default_activity", "timeout_activity"} {
		workspace[f+"_sid"], workspace[f+"_name"] = offline, "Offline"
	}
	s.PutWorkspace(workspace)
	for _, a := range []struct {
		name      string
		available bool
	}{{"Available", true}, {"Unavailable", false}, {"Break", false}, {"Offline", false}} {
		s.PutActivity(ws, NewActivity(base, acct, ws, sidOf("WA", strings.ToLower(a.name)), a.name, a.available))
	}
	for _, ch := range [][2]string{{"default", "Default"}, {"voice", "Voice"}, {"chat", "Programmable Chat"}, {"sms", "SMS"}, {"video", "Video"}} {
		s.PutTaskChannel(ws, NewTaskChannel(base, acct, ws, sidOf("TC", "channel/"+ch[0]), ch[0], ch[1]))
	}
	// Flex's queue reserves and assigns workers without changing their
	// activity, and targets every worker.
	everyone := NewTaskQueue(base, acct, ws, queue, "Everyone")
	everyone["target_workers"] = "1==1"
	links, _ := everyone["links"].(map[string]any)
	for _, f := range []string{"assignment_activity", "reservation_activity"} {
		everyone[f+"_sid"], everyone[f+"_name"] = nil, nil
		delete(links, f)
	}
	s.PutTaskQueue(ws, everyone)
	// Flex assigns tasks through its own UI, with no assignment callback.
	workflow := NewWorkflow(base, acct, ws, sidOf("WW", "assign_to_anyone"), "Assign to Anyone", flexWorkflowConfiguration(queue))
	workflow["assignment_callback_url"], workflow["fallback_assignment_callback_url"] = nil, nil
	s.PutWorkflow(ws, workflow)
}

// flexWorkflowConfiguration is the configuration of Flex's "Assign to
// Anyone": every task to queue.
func flexWorkflowConfiguration(queue string) string {
	return string(mustMarshal(map[string]any{"task_routing": map[string]any{
		"filters": []any{map[string]any{
			"filter_friendly_name": "Everyone",
			"expression":           "1==1",
			"targets":              []any{map[string]any{"queue": queue, "expression": "1==1", "priority": 0}},
		}},
		"default_filter": map[string]any{"queue": queue},
	}}))
}

// workspaceURL is where Twilio serves workspaceSid on baseURL.
func workspaceURL(baseURL, workspaceSid string) string {
	return baseURL + "/v1/Workspaces/" + workspaceSid
}

// NewWorkspace builds a workspace (taskrouter.v1.workspace) with every
// field set to a realistic, non-null value, url and links on baseURL
// (TaskRouter's base, e.g. https://taskrouter.twilio.com) as Twilio gives
// them. Its default and timeout activity is an "Offline" whose sid is
// derived from sid, so the same arguments give the same workspace.
func NewWorkspace(baseURL, accountSid, sid, friendlyName string) map[string]any {
	u := workspaceURL(baseURL, sid)
	offline := derivedSid("WA", sid+"/offline")
	return map[string]any{
		"sid":                    sid,
		"account_sid":            accountSid,
		"friendly_name":          friendlyName,
		"date_created":           "2020-05-04T08:00:00Z",
		"date_updated":           "2020-05-04T08:00:00Z",
		"default_activity_sid":   offline,
		"default_activity_name":  "Offline",
		"timeout_activity_sid":   offline,
		"timeout_activity_name":  "Offline",
		"event_callback_url":     "https://hooks.example.com/taskrouter/events",
		"events_filter":          "task.created,task.completed,worker.activity.update",
		"multi_task_enabled":     true,
		"prioritize_queue_order": "FIFO",
		"url":                    u,
		"links": subLinks(u, "activities", "statistics", "real_time_statistics", "cumulative_statistics",
			"task_queues", "tasks", "workers", "workflows", "task_channels", "events"),
	}
}

// NewActivity builds an activity (taskrouter.v1.workspace.activity) with
// every field set, url and links on baseURL as NewWorkspace's.
func NewActivity(baseURL, accountSid, workspaceSid, sid, friendlyName string, available bool) map[string]any {
	return inWorkspace(baseURL, accountSid, workspaceSid, "Activities", sid, friendlyName, func(_, ws string) map[string]any {
		return map[string]any{"available": available, "links": map[string]any{"workspace": ws}}
	})
}

// NewTaskChannel builds a task channel (taskrouter.v1.workspace.task_channel)
// with every field set, url and links on baseURL as NewWorkspace's.
func NewTaskChannel(baseURL, accountSid, workspaceSid, sid, uniqueName, friendlyName string) map[string]any {
	return inWorkspace(baseURL, accountSid, workspaceSid, "TaskChannels", sid, friendlyName, func(_, ws string) map[string]any {
		return map[string]any{"unique_name": uniqueName, "channel_optimized_routing": false, "links": map[string]any{"workspace": ws}}
	})
}

// NewTaskQueue builds a task queue (taskrouter.v1.workspace.task_queue)
// with every field set, url and links on baseURL as NewWorkspace's; its
// reservation and assignment activities ("Reserved", "Busy") have sids
// derived from workspaceSid, so the same arguments give the same queue.
func NewTaskQueue(baseURL, accountSid, workspaceSid, sid, friendlyName string) map[string]any {
	reserved, busy := derivedSid("WA", workspaceSid+"/reserved"), derivedSid("WA", workspaceSid+"/busy")
	return inWorkspace(baseURL, accountSid, workspaceSid, "TaskQueues", sid, friendlyName, func(u, ws string) map[string]any {
		links := subLinks(u, "statistics", "real_time_statistics", "cumulative_statistics")
		links["workspace"] = ws
		links["assignment_activity"] = ws + "/Activities/" + busy
		links["reservation_activity"] = ws + "/Activities/" + reserved
		links["list_statistics"] = ws + "/TaskQueues/Statistics"
		links["bulk_real_time_statistics"] = ws + "/TaskQueues/RealTimeStatistics"
		return map[string]any{
			"assignment_activity_sid":   busy,
			"assignment_activity_name":  "Busy",
			"reservation_activity_sid":  reserved,
			"reservation_activity_name": "Reserved",
			"max_reserved_workers":      1,
			"target_workers":            `skills HAS "support"`,
			"task_order":                "FIFO",
			"links":                     links,
		}
	})
}

// NewWorkflow builds a workflow (taskrouter.v1.workspace.workflow) with
// every field set, url and links on baseURL as NewWorkspace's;
// configuration is its JSON document, a string as Twilio gives it.
func NewWorkflow(baseURL, accountSid, workspaceSid, sid, friendlyName, configuration string) map[string]any {
	return inWorkspace(baseURL, accountSid, workspaceSid, "Workflows", sid, friendlyName, func(u, _ string) map[string]any {
		return map[string]any{
			"configuration":                    configuration,
			"document_content_type":            "application/json",
			"assignment_callback_url":          "https://hooks.example.com/taskrouter/assignment",
			"fallback_assignment_callback_url": "https://hooks.example.com/taskrouter/fallback",
			"task_reservation_timeout":         120,
			"links":                            subLinks(u, "statistics", "real_time_statistics", "cumulative_statistics"),
		}
	})
}

// inWorkspace is an object of workspaceSid at collection (its path below
// the workspace): the fields every such object has, and those own gives
// from the object's url and its workspace's.
func inWorkspace(baseURL, accountSid, workspaceSid, collection, sid, friendlyName string, own func(objectURL, workspaceURL string) map[string]any) map[string]any {
	ws := workspaceURL(baseURL, workspaceSid)
	u := ws + "/" + collection + "/" + sid
	m := own(u, ws)
	m["sid"], m["account_sid"], m["workspace_sid"], m["friendly_name"], m["url"] = sid, accountSid, workspaceSid, friendlyName, u
	m["date_created"], m["date_updated"] = "2020-05-04T08:00:00Z", "2020-05-04T08:00:00Z"
	return m
}
