package taskrouter

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework/flattentest"
	taskrouterapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/taskrouter"
)

// The spec's own fetch examples (twilio_taskrouter_v1.json), with every
// field set.

const workspaceURL = "https://taskrouter.twilio.com/v1/Workspaces/WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

func links(names ...string) types.Map {
	values := map[string]attr.Value{}
	for _, n := range names {
		values[n] = types.StringValue(workspaceURL + "/" + n)
	}
	return types.MapValueMust(types.StringType, values)
}

func TestFlattenWorkspace(t *testing.T) {
	flattentest.Check(t, `{
  "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "date_created": "2016-08-01T22:10:40Z", "date_updated": "2016-08-01T22:10:41Z",
  "default_activity_name": "Offline", "default_activity_sid": "WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "event_callback_url": "https://example.com/events", "events_filter": "task.created,task.completed", "friendly_name": "Flex Task Assignment",
  "links": {"activities": "`+workspaceURL+`/activities"}, "multi_task_enabled": true, "prioritize_queue_order": "FIFO",
  "sid": "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "timeout_activity_name": "Offline", "timeout_activity_sid": "WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
  "url": "`+workspaceURL+`"
}`, flattenWorkspace, map[string]attr.Value{
		"sid":                    types.StringValue("WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"account_sid":            types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"friendly_name":          types.StringValue("Flex Task Assignment"),
		"date_created":           timetypes.NewRFC3339ValueMust("2016-08-01T22:10:40Z"),
		"date_updated":           timetypes.NewRFC3339ValueMust("2016-08-01T22:10:41Z"),
		"default_activity_name":  types.StringValue("Offline"),
		"default_activity_sid":   types.StringValue("WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"timeout_activity_name":  types.StringValue("Offline"),
		"timeout_activity_sid":   types.StringValue("WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"),
		"event_callback_url":     types.StringValue("https://example.com/events"),
		"events_filter":          types.StringValue("task.created,task.completed"),
		"multi_task_enabled":     types.BoolValue(true),
		"prioritize_queue_order": types.StringValue("FIFO"),
		"url":                    types.StringValue(workspaceURL),
		"links":                  links("activities"),
	})
}

func TestFlattenActivity(t *testing.T) {
	flattentest.Check(t, `{
  "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "available": false, "date_created": "2014-05-14T10:50:02Z",
  "date_updated": "2014-05-14T23:26:06Z", "friendly_name": "Offline", "sid": "WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "url": "`+workspaceURL+`/Activities/WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "workspace_sid": "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "links": {"workspace": "`+workspaceURL+`/workspace"}
}`, flattenActivity, map[string]attr.Value{
		"sid":           types.StringValue("WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"account_sid":   types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"friendly_name": types.StringValue("Offline"),
		"available":     types.BoolValue(false),
		"date_created":  timetypes.NewRFC3339ValueMust("2014-05-14T10:50:02Z"),
		"date_updated":  timetypes.NewRFC3339ValueMust("2014-05-14T23:26:06Z"),
		"url":           types.StringValue(workspaceURL + "/Activities/WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"links":         links("workspace"),
	})
}

func TestFlattenTaskChannel(t *testing.T) {
	flattentest.Check(t, `{
  "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "date_created": "2016-04-14T17:35:54Z", "date_updated": "2016-04-14T17:35:55Z",
  "friendly_name": "Voice", "sid": "TCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "unique_name": "voice",
  "url": "`+workspaceURL+`/TaskChannels/TCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "workspace_sid": "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "channel_optimized_routing": true, "links": {"workspace": "`+workspaceURL+`/workspace"}
}`, flattenTaskChannel, map[string]attr.Value{
		"sid":                       types.StringValue("TCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"account_sid":               types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"unique_name":               types.StringValue("voice"),
		"friendly_name":             types.StringValue("Voice"),
		"channel_optimized_routing": types.BoolValue(true),
		"date_created":              timetypes.NewRFC3339ValueMust("2016-04-14T17:35:54Z"),
		"date_updated":              timetypes.NewRFC3339ValueMust("2016-04-14T17:35:55Z"),
		"url":                       types.StringValue(workspaceURL + "/TaskChannels/TCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"links":                     links("workspace"),
	})
}

func TestFlattenTaskQueue(t *testing.T) {
	flattentest.Check(t, `{
  "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "assignment_activity_name": "Busy", "assignment_activity_sid": "WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "date_created": "2015-08-04T01:31:41Z", "date_updated": "2015-08-04T01:31:42Z", "friendly_name": "Everyone", "max_reserved_workers": 1,
  "links": {"workspace": "`+workspaceURL+`/workspace"}, "reservation_activity_name": "Reserved", "reservation_activity_sid": "WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
  "sid": "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "target_workers": "1==1", "task_order": "FIFO",
  "url": "`+workspaceURL+`/TaskQueues/WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "workspace_sid": "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
}`, flattenTaskQueue, map[string]attr.Value{
		"sid":                       types.StringValue("WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"account_sid":               types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"friendly_name":             types.StringValue("Everyone"),
		"target_workers":            types.StringValue("1==1"),
		"task_order":                types.StringValue("FIFO"),
		"max_reserved_workers":      types.Int64Value(1),
		"assignment_activity_name":  types.StringValue("Busy"),
		"assignment_activity_sid":   types.StringValue("WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"reservation_activity_name": types.StringValue("Reserved"),
		"reservation_activity_sid":  types.StringValue("WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"),
		"date_created":              timetypes.NewRFC3339ValueMust("2015-08-04T01:31:41Z"),
		"date_updated":              timetypes.NewRFC3339ValueMust("2015-08-04T01:31:42Z"),
		"url":                       types.StringValue(workspaceURL + "/TaskQueues/WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"links":                     links("workspace"),
	})
}

func TestFlattenWorkflow(t *testing.T) {
	flattentest.Check(t, `{
  "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "assignment_callback_url": "https://example.com/assign",
  "configuration": "{\"task_routing\":{\"filters\":[],\"default_filter\":{\"queue\":\"WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}}}",
  "date_created": "2014-05-14T10:50:02Z", "date_updated": "2014-05-14T23:26:06Z", "document_content_type": "application/json",
  "fallback_assignment_callback_url": "https://example.com/fallback", "friendly_name": "Assign to Anyone", "sid": "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "task_reservation_timeout": 120, "url": "`+workspaceURL+`/Workflows/WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "workspace_sid": "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "links": {"statistics": "`+workspaceURL+`/statistics"}
}`, flattenWorkflow, map[string]attr.Value{
		"sid":           types.StringValue("WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"account_sid":   types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"friendly_name": types.StringValue("Assign to Anyone"),
		// Exactly the text Twilio sent.
		"configuration":                    jsontypes.NewNormalizedValue(`{"task_routing":{"filters":[],"default_filter":{"queue":"WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}}`),
		"document_content_type":            types.StringValue("application/json"),
		"assignment_callback_url":          types.StringValue("https://example.com/assign"),
		"fallback_assignment_callback_url": types.StringValue("https://example.com/fallback"),
		"task_reservation_timeout":         types.Int64Value(120),
		"date_created":                     timetypes.NewRFC3339ValueMust("2014-05-14T10:50:02Z"),
		"date_updated":                     timetypes.NewRFC3339ValueMust("2014-05-14T23:26:06Z"),
		"url":                              types.StringValue(workspaceURL + "/Workflows/WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"links":                            links("statistics"),
	})
}

// Counts the spec defaults to 0 are 0 when Twilio leaves them out, and null
// when Twilio says null.
func TestFlattenCounts_absentIsZeroNullIsNull(t *testing.T) {
	for _, tc := range []struct {
		body string
		want attr.Value
	}{{`{}`, types.Int64Value(0)}, {`{"max_reserved_workers": null, "task_reservation_timeout": null}`, types.Int64Null()}} {
		var q taskQueueModel
		var w workflowModel
		queue, workflow := decode[taskrouterapi.TaskQueue](t, tc.body), decode[taskrouterapi.Workflow](t, tc.body)
		if d := append(flattenTaskQueue(queue, &q), flattenWorkflow(workflow, &w)...); d.HasError() {
			t.Fatal(flattentest.ErrorText(d))
		}
		if !q.MaxReservedWorkers.Equal(tc.want) || !w.TaskReservationTimeout.Equal(tc.want) {
			t.Errorf("%s: max_reserved_workers %s, task_reservation_timeout %s; want %s", tc.body, q.MaxReservedWorkers, w.TaskReservationTimeout, tc.want)
		}
	}
}

func decode[T any](t *testing.T, body string) *T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatal(err)
	}
	return &v
}

// A configuration that is not JSON fails the read at its attribute, rather
// than reaching state as JSON.
func TestFlattenWorkflow_configurationThatIsNotJSONIsAnAttributeError(t *testing.T) {
	var m workflowModel
	diags := flattenWorkflow(decode[taskrouterapi.Workflow](t, `{"configuration": "task-routing:\n  - filter: 1 == 1"}`), &m)
	if !diags.HasError() || diags[0].Summary() != "Unexpected configuration from Twilio" ||
		diags[0].Detail() != `Twilio returned a configuration that is not JSON, so it cannot be kept as JSON: "task-routing:\n  - filter: 1 == 1".` {
		t.Fatalf("diags = %v", diags)
	}
}
