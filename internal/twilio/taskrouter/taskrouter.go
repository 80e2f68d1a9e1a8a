// Package taskrouter reads Twilio TaskRouter v1: the workspaces, and their
// activities, task channels, task queues and workflows (those a Flex
// contact centre routes its tasks with), on top of the shared HTTP layer
// in internal/twilio. It knows nothing of Terraform.
package taskrouter

import (
	"context"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

const (
	// DefaultBaseURL is Twilio's global TaskRouter endpoint.
	DefaultBaseURL = "https://taskrouter.twilio.com"
	// HostLabel is TaskRouter's label in Twilio's host names.
	HostLabel = "taskrouter"
	// MaxPageSize is the largest page TaskRouter's lists return.
	MaxPageSize = 1000
)

// Client reads TaskRouter v1 resources through a Twilio client configured
// for TaskRouter's host.
type Client struct {
	api *twilio.Client
}

// New wraps a Twilio client whose base URL is a TaskRouter endpoint.
func New(api *twilio.Client) *Client { return &Client{api: api} }

// FetchWorkspace gets one workspace by SID.
func (c *Client) FetchWorkspace(ctx context.Context, sid string) (*Workspace, error) {
	return twilio.Fetch[Workspace](ctx, c.api, "v1", "Workspaces", sid)
}

// ListWorkspaces reads every workspace of the account.
func (c *Client) ListWorkspaces(ctx context.Context) ([]Workspace, error) {
	return list(ctx, c, "workspaces", func(w *Workspace) *string { return w.Sid }, "v1", "Workspaces")
}

// FetchActivity gets one activity of a workspace by SID.
func (c *Client) FetchActivity(ctx context.Context, workspaceSid, sid string) (*Activity, error) {
	return twilio.Fetch[Activity](ctx, c.api, "v1", "Workspaces", workspaceSid, "Activities", sid)
}

// ListActivities reads every activity of a workspace.
func (c *Client) ListActivities(ctx context.Context, workspaceSid string) ([]Activity, error) {
	return list(ctx, c, "activities", func(a *Activity) *string { return a.Sid }, "v1", "Workspaces", workspaceSid, "Activities")
}

// FetchTaskChannel gets one task channel of a workspace by SID (Twilio's
// path also takes its unique_name).
func (c *Client) FetchTaskChannel(ctx context.Context, workspaceSid, sid string) (*TaskChannel, error) {
	return twilio.Fetch[TaskChannel](ctx, c.api, "v1", "Workspaces", workspaceSid, "TaskChannels", sid)
}

// ListTaskChannels reads every task channel of a workspace.
func (c *Client) ListTaskChannels(ctx context.Context, workspaceSid string) ([]TaskChannel, error) {
	return list(ctx, c, "channels", func(t *TaskChannel) *string { return t.Sid }, "v1", "Workspaces", workspaceSid, "TaskChannels")
}

// FetchTaskQueue gets one task queue of a workspace by SID.
func (c *Client) FetchTaskQueue(ctx context.Context, workspaceSid, sid string) (*TaskQueue, error) {
	return twilio.Fetch[TaskQueue](ctx, c.api, "v1", "Workspaces", workspaceSid, "TaskQueues", sid)
}

// ListTaskQueues reads every task queue of a workspace.
func (c *Client) ListTaskQueues(ctx context.Context, workspaceSid string) ([]TaskQueue, error) {
	return list(ctx, c, "task_queues", func(q *TaskQueue) *string { return q.Sid }, "v1", "Workspaces", workspaceSid, "TaskQueues")
}

// FetchWorkflow gets one workflow of a workspace by SID.
func (c *Client) FetchWorkflow(ctx context.Context, workspaceSid, sid string) (*Workflow, error) {
	return twilio.Fetch[Workflow](ctx, c.api, "v1", "Workspaces", workspaceSid, "Workflows", sid)
}

// ListWorkflows reads every workflow of a workspace.
func (c *Client) ListWorkflows(ctx context.Context, workspaceSid string) ([]Workflow, error) {
	return list(ctx, c, "workflows", func(w *Workflow) *string { return w.Sid }, "v1", "Workspaces", workspaceSid, "Workflows")
}

// list reads a TaskRouter list, at its largest page; key names the array
// in Twilio's envelope.
func list[T any](ctx context.Context, c *Client, key string, sid func(*T) *string, segments ...string) ([]T, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[T]{Segments: segments, Key: key, PageSize: MaxPageSize, Sid: sid})
}
