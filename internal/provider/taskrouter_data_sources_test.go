package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// What the conformance suite does not cover of TaskRouter: each type's
// every attribute on a real CLI, the plurals' order and filter, the chain
// from the Flex configuration, and one read of each list per plan.

// startFlexTaskRouter serves an emulator for one test holding what a fresh
// Flex account has in TaskRouter.
func startFlexTaskRouter(t *testing.T) *emulator.Server {
	t.Helper()
	emu := startBareEmulator(t)
	emu.SeedFlexTaskRouter()
	return emu
}

// flexTaskRouterPlan looks up, from the Flex configuration, what a Flex
// team imports by script today: the workspace, the four activities, the
// five task channels, the queue and the workflow by name, and every
// activity. Blocks are named after what they find ("activity_Offline").
func flexTaskRouterPlan() string {
	ws := expr("workspace_sid", "data.twilio_flex_configuration.this.taskrouter_workspace_sid")
	plan := "\ndata \"twilio_flex_configuration\" \"this\" {}\n" +
		dataBlock("twilio_taskrouter_workspace", "flex", str("friendly_name", "Flex Task Assignment")) +
		dataBlock("twilio_taskrouter_task_queue", "everyone", ws, str("friendly_name", "Everyone")) +
		dataBlock("twilio_taskrouter_workflow", "anyone", ws, str("friendly_name", "Assign to Anyone")) +
		dataBlock("twilio_taskrouter_activities", "all", ws)
	for _, name := range []string{"Available", "Unavailable", "Break", "Offline"} {
		plan += dataBlock("twilio_taskrouter_activity", "activity_"+name, ws, str("friendly_name", name))
	}
	for _, name := range []string{"default", "voice", "chat", "sms", "video"} {
		plan += dataBlock("twilio_taskrouter_task_channel", "channel_"+name, ws, str("unique_name", name))
	}
	return plan
}

func TestAccTaskRouter_flexChainReadsEachListOnce(t *testing.T) {
	emu := startFlexTaskRouter(t)
	same := func(a, aAttr, b, bAttr string) statecheck.StateCheck {
		return statecheck.CompareValuePairs(a, tfjsonpath.New(aAttr), b, tfjsonpath.New(bAttr), compare.ValuesSame())
	}
	flex := "data.twilio_flex_configuration.this"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + flexTaskRouterPlan(),
		ConfigStateChecks: []statecheck.StateCheck{
			same("data.twilio_taskrouter_workspace.flex", "sid", flex, "taskrouter_workspace_sid"),
			same("data.twilio_taskrouter_activity.activity_Offline", "sid", flex, "taskrouter_offline_activity_sid"),
			same("data.twilio_taskrouter_task_queue.everyone", "sid", flex, "taskrouter_target_taskqueue_sid"),
			same("data.twilio_taskrouter_workflow.anyone", "sid", flex, "taskrouter_target_workflow_sid"),
			same("data.twilio_taskrouter_workspace.flex", "default_activity_sid", "data.twilio_taskrouter_activity.activity_Offline", "sid"),
			expectAttr("data.twilio_taskrouter_activity.activity_Available", "available", knownvalue.Bool(true)),
			expectAttr("data.twilio_taskrouter_activity.activity_Break", "available", knownvalue.Bool(false)),
			expectAttr("data.twilio_taskrouter_task_channel.channel_chat", "friendly_name", knownvalue.StringExact("Programmable Chat")),
			expectAttr("data.twilio_taskrouter_workflow.anyone", "configuration", knownvalue.StringRegexp(regexp.MustCompile(
				`"default_filter":\{"queue":"WQ[0-9a-f]{32}"\}`))),
			expectAttr("data.twilio_taskrouter_activities.all", "activities", knownvalue.ListSizeExact(4)),
		},
	})
	// Twelve lookups and a plural: one request per list, and the Flex
	// configuration.
	expectReadsOf(t, routesSeen(emu), true,
		"200 FlexConfiguration", "200 TaskRouterWorkspaces", "200 TaskRouterActivities",
		"200 TaskRouterTaskChannels", "200 TaskRouterTaskQueues", "200 TaskRouterWorkflows")
}

func TestAccTaskRouter_everyAttributeOfEachType(t *testing.T) {
	emu := startBareEmulator(t)
	base := emu.TaskRouterURL()
	ws := "WS00000000000000000000000000000001"
	wsURL := base + "/v1/Workspaces/" + ws
	emu.PutWorkspace(emulator.NewWorkspace(base, testAccountSid, ws, "Support"))
	emu.PutActivity(ws, emulator.NewActivity(base, testAccountSid, ws, "WA00000000000000000000000000000001", "Lunch", false))
	emu.PutTaskChannel(ws, emulator.NewTaskChannel(base, testAccountSid, ws, "TC00000000000000000000000000000001", "voice", "Voice"))
	queue := emulator.NewTaskQueue(base, testAccountSid, ws, "WQ00000000000000000000000000000001", "Tier 2")
	emu.PutTaskQueue(ws, queue)
	emu.PutWorkflow(ws, emulator.NewWorkflow(base, testAccountSid, ws, "WW00000000000000000000000000000001", "Escalate",
		`{"task_routing": {"default_filter": {"queue": "WQ00000000000000000000000000000001"}}}`))
	in := func(args ...hclArg) []hclArg { return append([]hclArg{str("workspace_sid", ws)}, args...) }
	common := func(addr, url string) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			expectAttr(addr, "account_sid", knownvalue.StringExact(testAccountSid)),
			expectAttr(addr, "date_created", knownvalue.StringExact("2020-05-04T08:00:00Z")),
			expectAttr(addr, "date_updated", knownvalue.StringExact("2020-05-04T08:00:00Z")),
			expectAttr(addr, "url", knownvalue.StringExact(url)),
		}
	}
	checks := append(common("data.twilio_taskrouter_workspace.x", wsURL),
		expectAttr("data.twilio_taskrouter_workspace.x", "sid", knownvalue.StringExact(ws)),
		expectAttr("data.twilio_taskrouter_workspace.x", "default_activity_name", knownvalue.StringExact("Offline")),
		expectAttr("data.twilio_taskrouter_workspace.x", "default_activity_sid", knownvalue.StringRegexp(regexp.MustCompile(`^WA[0-9a-f]{32}$`))),
		expectAttr("data.twilio_taskrouter_workspace.x", "timeout_activity_name", knownvalue.StringExact("Offline")),
		expectAttr("data.twilio_taskrouter_workspace.x", "event_callback_url", knownvalue.StringExact("https://hooks.example.com/taskrouter/events")),
		expectAttr("data.twilio_taskrouter_workspace.x", "events_filter", knownvalue.StringExact("task.created,task.completed,worker.activity.update")),
		expectAttr("data.twilio_taskrouter_workspace.x", "multi_task_enabled", knownvalue.Bool(true)),
		expectAttr("data.twilio_taskrouter_workspace.x", "prioritize_queue_order", knownvalue.StringExact("FIFO")),
		expectAttr("data.twilio_taskrouter_workspace.x", "links", knownvalue.MapPartial(map[string]knownvalue.Check{
			"activities": knownvalue.StringExact(wsURL + "/Activities"), "task_channels": knownvalue.StringExact(wsURL + "/TaskChannels"),
		})),
	)
	checks = append(checks, common("data.twilio_taskrouter_activity.x", wsURL+"/Activities/WA00000000000000000000000000000001")...)
	checks = append(checks,
		expectAttr("data.twilio_taskrouter_activity.x", "workspace_sid", knownvalue.StringExact(ws)),
		expectAttr("data.twilio_taskrouter_activity.x", "available", knownvalue.Bool(false)),
		expectAttr("data.twilio_taskrouter_activity.x", "links", knownvalue.MapExact(map[string]knownvalue.Check{"workspace": knownvalue.StringExact(wsURL)})),
	)
	checks = append(checks, common("data.twilio_taskrouter_task_channel.x", wsURL+"/TaskChannels/TC00000000000000000000000000000001")...)
	checks = append(checks,
		expectAttr("data.twilio_taskrouter_task_channel.x", "sid", knownvalue.StringExact("TC00000000000000000000000000000001")),
		expectAttr("data.twilio_taskrouter_task_channel.x", "friendly_name", knownvalue.StringExact("Voice")),
		expectAttr("data.twilio_taskrouter_task_channel.x", "channel_optimized_routing", knownvalue.Bool(false)),
	)
	checks = append(checks, common("data.twilio_taskrouter_task_queue.x", wsURL+"/TaskQueues/WQ00000000000000000000000000000001")...)
	checks = append(checks,
		expectAttr("data.twilio_taskrouter_task_queue.x", "target_workers", knownvalue.StringExact(`skills HAS "support"`)),
		expectAttr("data.twilio_taskrouter_task_queue.x", "task_order", knownvalue.StringExact("FIFO")),
		expectAttr("data.twilio_taskrouter_task_queue.x", "max_reserved_workers", knownvalue.Int64Exact(1)),
		expectAttr("data.twilio_taskrouter_task_queue.x", "assignment_activity_name", knownvalue.StringExact("Busy")),
		expectAttr("data.twilio_taskrouter_task_queue.x", "assignment_activity_sid", knownvalue.StringExact(userField(queue, "assignment_activity_sid"))),
		expectAttr("data.twilio_taskrouter_task_queue.x", "reservation_activity_name", knownvalue.StringExact("Reserved")),
		expectAttr("data.twilio_taskrouter_task_queue.x", "reservation_activity_sid", knownvalue.StringExact(userField(queue, "reservation_activity_sid"))),
	)
	checks = append(checks, common("data.twilio_taskrouter_workflow.x", wsURL+"/Workflows/WW00000000000000000000000000000001")...)
	checks = append(checks,
		// Normalized JSON: the same document whatever Twilio's spacing.
		expectAttr("data.twilio_taskrouter_workflow.x", "configuration",
			knownvalue.StringExact(`{"task_routing": {"default_filter": {"queue": "WQ00000000000000000000000000000001"}}}`)),
		expectAttr("data.twilio_taskrouter_workflow.x", "document_content_type", knownvalue.StringExact("application/json")),
		expectAttr("data.twilio_taskrouter_workflow.x", "assignment_callback_url", knownvalue.StringExact("https://hooks.example.com/taskrouter/assignment")),
		expectAttr("data.twilio_taskrouter_workflow.x", "fallback_assignment_callback_url", knownvalue.StringExact("https://hooks.example.com/taskrouter/fallback")),
		expectAttr("data.twilio_taskrouter_workflow.x", "task_reservation_timeout", knownvalue.Int64Exact(120)),
	)
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) +
			dataBlock("twilio_taskrouter_workspace", "x", str("sid", ws)) +
			dataBlock("twilio_taskrouter_activity", "x", in(str("friendly_name", "Lunch"))...) +
			dataBlock("twilio_taskrouter_task_channel", "x", in(str("unique_name", "voice"))...) +
			dataBlock("twilio_taskrouter_task_queue", "x", in(str("friendly_name", "Tier 2"))...) +
			dataBlock("twilio_taskrouter_workflow", "x", in(str("sid", "WW00000000000000000000000000000001"))...),
		ConfigStateChecks: checks,
	})
}

// A null that Twilio sends stays null: the Flex queue has no assignment
// or reservation activity, its workflow no callbacks.
func TestAccTaskRouter_nullsStayNull(t *testing.T) {
	emu := startFlexTaskRouter(t)
	flex := "data.twilio_flex_configuration.this.taskrouter_workspace_sid"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + `
data "twilio_flex_configuration" "this" {}
` + dataBlock("twilio_taskrouter_task_queue", "q", expr("workspace_sid", flex), str("friendly_name", "Everyone")) +
			dataBlock("twilio_taskrouter_workflow", "w", expr("workspace_sid", flex), str("friendly_name", "Assign to Anyone")),
		ConfigStateChecks: append(
			expectNulls("data.twilio_taskrouter_task_queue.q", "assignment_activity_sid", "assignment_activity_name", "reservation_activity_sid", "reservation_activity_name"),
			append(expectNulls("data.twilio_taskrouter_workflow.w", "assignment_callback_url", "fallback_assignment_callback_url"),
				expectAttr("data.twilio_taskrouter_task_queue.q", "target_workers", knownvalue.StringExact("1==1")))...),
	})
}

func TestAccTaskRouterLists_sortedFilteredAndComplete(t *testing.T) {
	emu := startFlexTaskRouter(t)
	names := func(attr string, values ...string) knownvalue.Check {
		elems := make([]knownvalue.Check, len(values))
		for i, v := range values {
			elems[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{attr: knownvalue.StringExact(v)})
		}
		return knownvalue.ListExact(elems)
	}
	ws := expr("workspace_sid", "data.twilio_flex_configuration.this.taskrouter_workspace_sid")
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + `
data "twilio_flex_configuration" "this" {}
` + dataBlock("twilio_taskrouter_activities", "all", ws) +
			dataBlock("twilio_taskrouter_activities", "available", ws, expr("available", "true")) +
			dataBlock("twilio_taskrouter_activities", "not_available", ws, expr("available", "false")) +
			dataBlock("twilio_taskrouter_task_channels", "all", ws) +
			dataBlock("twilio_taskrouter_task_queues", "all", ws) +
			dataBlock("twilio_taskrouter_workflows", "all", ws),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr("data.twilio_taskrouter_activities.all", "activities", names("friendly_name", "Available", "Break", "Offline", "Unavailable")),
			expectAttr("data.twilio_taskrouter_activities.all", "available", knownvalue.Null()),
			expectAttr("data.twilio_taskrouter_activities.available", "activities", names("friendly_name", "Available")),
			expectAttr("data.twilio_taskrouter_activities.not_available", "activities", names("friendly_name", "Break", "Offline", "Unavailable")),
			expectAttr("data.twilio_taskrouter_task_channels.all", "task_channels", names("unique_name", "chat", "default", "sms", "video", "voice")),
			expectAttr("data.twilio_taskrouter_task_queues.all", "task_queues", names("friendly_name", "Everyone")),
			expectAttr("data.twilio_taskrouter_workflows.all", "workflows", names("friendly_name", "Assign to Anyone")),
			statecheck.ExpectKnownValue("data.twilio_taskrouter_workflows.all", tfjsonpath.New("workflows").AtSliceIndex(0).AtMapKey("workspace_sid"),
				knownvalue.StringRegexp(regexp.MustCompile(`^WS[0-9a-f]{32}$`))),
		},
	})
	// The three activities data sources share one read of the list.
	expectReadsOf(t, routesSeen(emu), true, "200 FlexConfiguration", "200 TaskRouterActivities",
		"200 TaskRouterTaskChannels", "200 TaskRouterTaskQueues", "200 TaskRouterWorkflows")
}

// TaskRouter pages of 1000: a list longer than a page is followed to its
// last page on the configured endpoint, and a page that fails is retried.
func TestAccTaskRouter_pagedListOnTheTaskRouterEndpoint(t *testing.T) {
	emu := startFlexTaskRouter(t)
	emu.SetMaxPageSize(3)
	emu.InjectRouteFaults(emulator.RouteTaskRouterActivities, emulator.Fault{}, emulator.Fault{Status: 503})
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + `
data "twilio_flex_configuration" "this" {}
` + dataBlock("twilio_taskrouter_activity", "x", expr("workspace_sid", "data.twilio_flex_configuration.this.taskrouter_workspace_sid"),
			str("friendly_name", "Unavailable")),
		ConfigStateChecks: []statecheck.StateCheck{expectAttr("data.twilio_taskrouter_activity.x", "available", knownvalue.Bool(false))},
	})
	var pages []string
	for _, r := range emu.Requests() {
		if r.Route == emulator.RouteTaskRouterActivities {
			pages = append(pages, fmt.Sprintf("%d %s", r.Status, r.RawQuery))
		}
	}
	if len(pages) < 3 || pages[0] != "200 PageSize=1000" || pages[1][:4] != "503 " || pages[2][:4] != "200 " || pages[1][4:] != pages[2][4:] {
		t.Fatalf("activity pages: %v; want the first page of 1000, then the second failing once and asked again", pages)
	}
}
