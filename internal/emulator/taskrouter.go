package emulator

import (
	"strings"
)

// TaskRouter v1 (https://taskrouter.twilio.com): the account's workspaces
// and, in each, its activities, task channels, task queues and workflows,
// which Flex creates for itself and teams look up by name. {service} is
// the workspace in the paths below.
var taskRouterProduct = product{api: APITaskRouter, mount: TaskRouterBasePath, base: "/v1", routes: []route{
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
func (s *Server) TaskRouterURL() string { return s.urlAt(TaskRouterBasePath) }

// The lists' keys are the spec's (ListTaskChannelResponse's is "channels",
// not "task_channels"). TaskRouter serves up to 1000 objects a page. The
// filters are the list operations' documented ones that select by a field
// the objects carry, matched exactly as Twilio documents; TaskQueues'
// EvaluateWorkerAttributes and WorkerSid (the emulator has no workers) and
// Ordering (whose values the spec does not give) are ignored. A channel is
// fetched by sid, then by unique_name, as Twilio's TaskChannels fetch is.
var (
	taskRouterWorkspaces = table{key: "workspaces", maxPageSize: taskRouterMaxPageSize, filters: []listFilter{friendlyNameFilter},
		collection: onTheAccount(func(s *Server) *collection { return &s.taskRouter().workspaces })}
	taskRouterActivities = table{key: "activities", maxPageSize: taskRouterMaxPageSize, filters: []listFilter{friendlyNameFilter, availableFilter},
		collection: inAWorkspace(func(st *taskRouterStore) map[string]*collection { return st.activities })}
	taskRouterChannels = table{key: "channels", maxPageSize: taskRouterMaxPageSize, byName: true,
		collection: inAWorkspace(func(st *taskRouterStore) map[string]*collection { return st.channels })}
	taskRouterQueues = table{key: "task_queues", maxPageSize: taskRouterMaxPageSize, filters: []listFilter{friendlyNameFilter},
		collection: inAWorkspace(func(st *taskRouterStore) map[string]*collection { return st.queues })}
	taskRouterWorkflows = table{key: "workflows", maxPageSize: taskRouterMaxPageSize, filters: []listFilter{friendlyNameFilter},
		collection: inAWorkspace(func(st *taskRouterStore) map[string]*collection { return st.workflows })}
)

const taskRouterMaxPageSize = 1000

// availableFilter is Activities' Available: "Values of '1' or `yes` also
// indicate `true`. All other values represent `false`".
var availableFilter = listFilter{param: "Available", field: "available", value: func(v string) any { return v == "true" || v == "1" || v == "yes" }}

// inAWorkspace is the collection, among of's, of the workspace a call
// names: a workspace's objects are served once the workspace is put.
func inAWorkspace(of func(*taskRouterStore) map[string]*collection) func(*Server, *call) (*collection, int, []byte) {
	return under(func(s *Server) *collection { return &s.taskRouter().workspaces },
		func(s *Server) map[string]*collection { return of(s.taskRouter()) })
}

// taskRouterStore is TaskRouter's part of the store.
type taskRouterStore struct {
	workspaces collection
	// Each workspace's objects of a type, by the workspace's sid; those of
	// a workspace not put are kept, and served once it is.
	activities, channels, queues, workflows map[string]*collection
}

// taskRouter is TaskRouter's part of s's store. Called with s.mu held.
func (s *Server) taskRouter() *taskRouterStore { return storePart[taskRouterStore](&s.store) }

// PutWorkspace stores workspace (taskrouter.v1.workspace) as the body
// served for it, and makes its activities, channels, queues and workflows
// served. A stored workspace with the same "sid" is replaced in place; a
// new one goes last in lists. It panics if workspace has no sid string or
// cannot be encoded as JSON, which is a bug in the caller.
func (s *Server) PutWorkspace(workspace map[string]any) {
	s.put("PutWorkspace", workspace, "", func() *collection { return &s.taskRouter().workspaces })
}

// PutActivity stores activity in workspaceSid as PutWorkspace stores a
// workspace. The objects of a workspace not put yet are kept, but its
// routes answer 404, as Twilio's do for an unknown workspace, until
// PutWorkspace puts it; PutTaskChannel, PutTaskQueue and PutWorkflow alike.
func (s *Server) PutActivity(workspaceSid string, activity map[string]any) {
	s.put("PutActivity", activity, "", func() *collection { return child(&s.taskRouter().activities, workspaceSid) })
}

// PutTaskChannel stores channel as PutActivity stores an activity; it is
// fetched by sid, then by unique_name, and one with the same unique_name
// is replaced too.
func (s *Server) PutTaskChannel(workspaceSid string, channel map[string]any) {
	s.put("PutTaskChannel", channel, "unique_name", func() *collection { return child(&s.taskRouter().channels, workspaceSid) })
}

// PutTaskQueue stores queue as PutActivity stores an activity.
func (s *Server) PutTaskQueue(workspaceSid string, queue map[string]any) {
	s.put("PutTaskQueue", queue, "", func() *collection { return child(&s.taskRouter().queues, workspaceSid) })
}

// PutWorkflow stores workflow as PutActivity stores an activity.
func (s *Server) PutWorkflow(workspaceSid string, workflow map[string]any) {
	s.put("PutWorkflow", workflow, "", func() *collection { return child(&s.taskRouter().workflows, workspaceSid) })
}

// The names SeedFlexTaskRouter derives the sids of the workspace and its
// queue from, as NewFlexConfiguration does.
const (
	flexWorkspace = "workspace"
	flexQueue     = "everyone"
)

// flexTaskChannelSid is the sid of the task channel uniqueName that
// SeedFlexTaskRouter puts in a Flex account (accountSid), for the Studio
// flows that send tasks on it.
func flexTaskChannelSid(accountSid, uniqueName string) string {
	return FlexSeedSid(accountSid, "TC", "channel/"+uniqueName)
}

// SeedFlexTaskRouter puts the TaskRouter objects Flex creates in a new
// account: the workspace "Flex Task Assignment" with its activities
// (Available, Unavailable, Break, Offline: the workspace's default and
// timeout activity), task channels (default, voice, chat, sms, video), the
// queue "Everyone" and the workflow "Assign to Anyone" routing every task
// to it. The workspace, Offline, Everyone and Assign to Anyone have the
// sids NewFlexConfiguration gives for the account (so a chain from Flex's
// configuration reaches them), the others sids derived the same way
// (FlexSeedSid, with WA and an activity's name in lower case, or TC and
// "channel/" and a channel's unique_name). Links are on SetLinkBase's
// TaskRouter base, else TaskRouterURL, else Twilio's own host before
// Start, as they are stored once, not per request.
func (s *Server) SeedFlexTaskRouter() {
	acct := s.creds.AccountSid
	base := s.seedBase(APITaskRouter, TaskRouterBasePath, "https://taskrouter.twilio.com")
	sidOf := func(prefix, name string) string { return FlexSeedSid(acct, prefix, name) }
	ws, offline, queue := sidOf("WS", flexWorkspace), sidOf("WA", "offline"), sidOf("WQ", flexQueue)

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
		s.PutTaskChannel(ws, NewTaskChannel(base, acct, ws, flexTaskChannelSid(acct, ch[0]), ch[0], ch[1]))
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
	workflow := NewWorkflow(base, acct, ws, sidOf("WW", flexWorkflow), "Assign to Anyone", flexWorkflowConfiguration(queue))
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
		"links": linksUnder(u, "activities", "statistics", "real_time_statistics", "cumulative_statistics",
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
		links := linksUnder(u, "statistics", "real_time_statistics", "cumulative_statistics")
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
			"links":                            linksUnder(u, "statistics", "real_time_statistics", "cumulative_statistics"),
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
