// Package taskrouter is the data sources of Twilio TaskRouter v1: the
// workspace a Flex contact centre routes with, and its activities, task
// channels, task queues and workflows, by SID or by name.
package taskrouter

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
	taskrouterapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/taskrouter"
)

// endpoint names TaskRouter's client and its attribute of the provider's
// endpoints block.
const endpoint = "taskrouter"

// Product is TaskRouter v1, as the provider lists it.
var Product = framework.Product{
	Endpoint:   endpoint,
	HostLabel:  taskrouterapi.HostLabel,
	Env:        "TWILIO_TASKROUTER_ENDPOINT",
	DefaultURL: taskrouterapi.DefaultBaseURL,
	DataSources: []func() datasource.DataSource{
		NewWorkspaceDataSource,
		NewActivityDataSource, NewActivitiesDataSource,
		NewTaskChannelDataSource, NewTaskChannelsDataSource,
		NewTaskQueueDataSource, NewTaskQueuesDataSource,
		NewWorkflowDataSource, NewWorkflowsDataSource,
	},
}

const title = "Twilio TaskRouter API"

func client(c *framework.Conn) *taskrouterapi.Client { return taskrouterapi.New(c.Client(endpoint)) }

// workspace is where every TaskRouter object but the workspace lives.
var workspace = &framework.Scope{
	Attr:         "workspace_sid",
	Noun:         "workspace",
	Argument:     func(string) schema.StringAttribute { return workspaceSidArgument() },
	ListArgument: func(string, string) schema.StringAttribute { return workspaceSidArgument() },
}

func workspaceSidArgument() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "SID of the TaskRouter workspace (`WS` followed by 32 hex digits). " +
			"A Flex account's is `data.twilio_flex_configuration.<name>.taskrouter_workspace_sid`.",
		Required:   true,
		Validators: []validator.String{framework.SidValidator(sid.Workspace)},
	}
}

// How TaskRouter reads each of its types, for the singular and plural data
// sources alike.

var workspaces = &framework.Objects[taskrouterapi.Workspace]{
	API: title, Resource: "taskrouter workspace", Noun: "workspace", Plural: "workspaces",
	SidPrefix: sid.Workspace, NameField: "friendly_name",
	Name: func(w *taskrouterapi.Workspace) *string { return w.FriendlyName },
	Sid:  func(w *taskrouterapi.Workspace) *string { return w.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, _, sid string) (*taskrouterapi.Workspace, error) {
		return client(c).FetchWorkspace(ctx, sid)
	},
	List: func(ctx context.Context, c *framework.Conn, _ string) ([]taskrouterapi.Workspace, error) {
		return client(c).ListWorkspaces(ctx)
	},
}

var activities = &framework.Objects[taskrouterapi.Activity]{
	API: title, Resource: "taskrouter activity", Noun: "activity", Plural: "activities",
	SidPrefix: sid.Activity, NameField: "friendly_name",
	Name: func(a *taskrouterapi.Activity) *string { return a.FriendlyName },
	Sid:  func(a *taskrouterapi.Activity) *string { return a.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, workspaceSid, sid string) (*taskrouterapi.Activity, error) {
		return client(c).FetchActivity(ctx, workspaceSid, sid)
	},
	List: func(ctx context.Context, c *framework.Conn, workspaceSid string) ([]taskrouterapi.Activity, error) {
		return client(c).ListActivities(ctx, workspaceSid)
	},
	ScopeOf: func(a *taskrouterapi.Activity) *string { return a.WorkspaceSid },
}

var taskChannels = &framework.Objects[taskrouterapi.TaskChannel]{
	API: title, Resource: "taskrouter task channel", Noun: "task channel", Plural: "task channels",
	SidPrefix: sid.TaskChannel, NameField: "unique_name",
	Name: func(t *taskrouterapi.TaskChannel) *string { return t.UniqueName },
	Sid:  func(t *taskrouterapi.TaskChannel) *string { return t.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, workspaceSid, sid string) (*taskrouterapi.TaskChannel, error) {
		return client(c).FetchTaskChannel(ctx, workspaceSid, sid)
	},
	List: func(ctx context.Context, c *framework.Conn, workspaceSid string) ([]taskrouterapi.TaskChannel, error) {
		return client(c).ListTaskChannels(ctx, workspaceSid)
	},
	ScopeOf: func(t *taskrouterapi.TaskChannel) *string { return t.WorkspaceSid },
}

var taskQueues = &framework.Objects[taskrouterapi.TaskQueue]{
	API: title, Resource: "taskrouter task queue", Noun: "task queue", Plural: "task queues",
	SidPrefix: sid.TaskQueue, NameField: "friendly_name",
	Name: func(q *taskrouterapi.TaskQueue) *string { return q.FriendlyName },
	Sid:  func(q *taskrouterapi.TaskQueue) *string { return q.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, workspaceSid, sid string) (*taskrouterapi.TaskQueue, error) {
		return client(c).FetchTaskQueue(ctx, workspaceSid, sid)
	},
	List: func(ctx context.Context, c *framework.Conn, workspaceSid string) ([]taskrouterapi.TaskQueue, error) {
		return client(c).ListTaskQueues(ctx, workspaceSid)
	},
	ScopeOf: func(q *taskrouterapi.TaskQueue) *string { return q.WorkspaceSid },
}

var workflows = &framework.Objects[taskrouterapi.Workflow]{
	API: title, Resource: "taskrouter workflow", Noun: "workflow", Plural: "workflows",
	SidPrefix: sid.Workflow, NameField: "friendly_name",
	Name: func(w *taskrouterapi.Workflow) *string { return w.FriendlyName },
	Sid:  func(w *taskrouterapi.Workflow) *string { return w.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, workspaceSid, sid string) (*taskrouterapi.Workflow, error) {
		return client(c).FetchWorkflow(ctx, workspaceSid, sid)
	},
	List: func(ctx context.Context, c *framework.Conn, workspaceSid string) ([]taskrouterapi.Workflow, error) {
		return client(c).ListWorkflows(ctx, workspaceSid)
	},
	ScopeOf: func(w *taskrouterapi.Workflow) *string { return w.WorkspaceSid },
}
