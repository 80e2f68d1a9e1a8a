package taskrouter

import "encoding/json"

// Every field the spec marks nullable is a pointer (a map for links, nil
// for null), so that null in the API stays distinguishable from "", false
// or zero.

// Workspace is taskrouter.v1.workspace.
type Workspace struct {
	Sid                  *string            `json:"sid"`
	AccountSid           *string            `json:"account_sid"`
	FriendlyName         *string            `json:"friendly_name"`
	DateCreated          *string            `json:"date_created"`
	DateUpdated          *string            `json:"date_updated"`
	DefaultActivityName  *string            `json:"default_activity_name"`
	DefaultActivitySid   *string            `json:"default_activity_sid"`
	TimeoutActivityName  *string            `json:"timeout_activity_name"`
	TimeoutActivitySid   *string            `json:"timeout_activity_sid"`
	EventCallbackURL     *string            `json:"event_callback_url"`
	EventsFilter         *string            `json:"events_filter"`
	MultiTaskEnabled     *bool              `json:"multi_task_enabled"`
	PrioritizeQueueOrder *string            `json:"prioritize_queue_order"`
	URL                  *string            `json:"url"`
	Links                map[string]*string `json:"links"`
}

// Activity is taskrouter.v1.workspace.activity.
type Activity struct {
	Sid          *string            `json:"sid"`
	AccountSid   *string            `json:"account_sid"`
	WorkspaceSid *string            `json:"workspace_sid"`
	FriendlyName *string            `json:"friendly_name"`
	Available    *bool              `json:"available"`
	DateCreated  *string            `json:"date_created"`
	DateUpdated  *string            `json:"date_updated"`
	URL          *string            `json:"url"`
	Links        map[string]*string `json:"links"`
}

// TaskChannel is taskrouter.v1.workspace.task_channel.
type TaskChannel struct {
	Sid                     *string            `json:"sid"`
	AccountSid              *string            `json:"account_sid"`
	WorkspaceSid            *string            `json:"workspace_sid"`
	UniqueName              *string            `json:"unique_name"`
	FriendlyName            *string            `json:"friendly_name"`
	ChannelOptimizedRouting *bool              `json:"channel_optimized_routing"`
	DateCreated             *string            `json:"date_created"`
	DateUpdated             *string            `json:"date_updated"`
	URL                     *string            `json:"url"`
	Links                   map[string]*string `json:"links"`
}

// TaskQueue is taskrouter.v1.workspace.task_queue. MaxReservedWorkers is 0
// when Twilio leaves it out, the spec's default; an explicit null stays nil.
type TaskQueue struct {
	Sid                     *string            `json:"sid"`
	AccountSid              *string            `json:"account_sid"`
	WorkspaceSid            *string            `json:"workspace_sid"`
	FriendlyName            *string            `json:"friendly_name"`
	TargetWorkers           *string            `json:"target_workers"`
	TaskOrder               *string            `json:"task_order"`
	MaxReservedWorkers      *int64             `json:"max_reserved_workers"`
	AssignmentActivitySid   *string            `json:"assignment_activity_sid"`
	AssignmentActivityName  *string            `json:"assignment_activity_name"`
	ReservationActivitySid  *string            `json:"reservation_activity_sid"`
	ReservationActivityName *string            `json:"reservation_activity_name"`
	DateCreated             *string            `json:"date_created"`
	DateUpdated             *string            `json:"date_updated"`
	URL                     *string            `json:"url"`
	Links                   map[string]*string `json:"links"`
}

// UnmarshalJSON applies the spec's default to the count Twilio leaves out.
func (q *TaskQueue) UnmarshalJSON(b []byte) error {
	type plain TaskQueue
	*q = TaskQueue{MaxReservedWorkers: zero()}
	return json.Unmarshal(b, (*plain)(q))
}

// Workflow is taskrouter.v1.workspace.workflow. Configuration is the JSON
// string Twilio returns. TaskReservationTimeout is 0 when Twilio leaves it
// out, the spec's default.
type Workflow struct {
	Sid                           *string            `json:"sid"`
	AccountSid                    *string            `json:"account_sid"`
	WorkspaceSid                  *string            `json:"workspace_sid"`
	FriendlyName                  *string            `json:"friendly_name"`
	Configuration                 *string            `json:"configuration"`
	DocumentContentType           *string            `json:"document_content_type"`
	AssignmentCallbackURL         *string            `json:"assignment_callback_url"`
	FallbackAssignmentCallbackURL *string            `json:"fallback_assignment_callback_url"`
	TaskReservationTimeout        *int64             `json:"task_reservation_timeout"`
	DateCreated                   *string            `json:"date_created"`
	DateUpdated                   *string            `json:"date_updated"`
	URL                           *string            `json:"url"`
	Links                         map[string]*string `json:"links"`
}

// UnmarshalJSON applies the spec's default to the timeout Twilio leaves out.
func (w *Workflow) UnmarshalJSON(b []byte) error {
	type plain Workflow
	*w = Workflow{TaskReservationTimeout: zero()}
	return json.Unmarshal(b, (*plain)(w))
}

func zero() *int64 {
	z := int64(0)
	return &z
}
