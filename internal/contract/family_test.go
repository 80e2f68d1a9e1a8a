package contract_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/contract"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

const (
	channelRole = "RL0123456789abcdef0123456789abcdef"
	serviceRole = "RLfedcba9876543210fedcba9876543210"
	nullRole    = "RL00000000000000000000000000000002"
	nullService = "IS00000000000000000000000000000002"
	// trBase is where TaskRouter's own url and links point.
	trBase = "https://taskrouter.twilio.com"
	// trWorkspace holds a full object of each TaskRouter type, and one with
	// every nullable field null; nullWorkspace is a workspace of nulls.
	trWorkspace   = "WS0123456789abcdef0123456789abcdef"
	nullWorkspace = "WS00000000000000000000000000000002"
	trActivity    = "WA0123456789abcdef0123456789abcdef"
	trChannel     = "TC0123456789abcdef0123456789abcdef"
	trQueue       = "WQ0123456789abcdef0123456789abcdef"
	trWorkflow    = "WW0123456789abcdef0123456789abcdef"
)

// specs are the APIs the emulator serves, each answering for its own
// paths: the emulator serves Flex, TaskRouter, Serverless and Studio under
// base paths of their own.
type specs struct{ chat, conversations, flex, taskRouter, serverless, studio *contract.Spec }

func loadSpecs(t *testing.T) specs {
	t.Helper()
	var sp specs
	for _, x := range []struct {
		name string
		to   **contract.Spec
	}{
		{contract.ChatV2, &sp.chat}, {contract.ConversationsV1, &sp.conversations}, {contract.FlexV1, &sp.flex},
		{contract.TaskRouterV1, &sp.taskRouter},
		{contract.ServerlessV1, &sp.serverless}, {contract.StudioV2, &sp.studio},
	} {
		file, err := contract.SpecFile(x.name)
		if err != nil {
			t.Fatal(err)
		}
		if *x.to, err = contract.LoadAPI(context.Background(), file); err != nil {
			t.Fatal(err)
		}
	}
	return sp
}

// mounted are the specs of the APIs the emulator serves under a base path
// of their own, by that path.
func (sp specs) mounted() map[string]*contract.Spec {
	return map[string]*contract.Spec{emulator.FlexBasePath: sp.flex, emulator.TaskRouterBasePath: sp.taskRouter, emulator.ServerlessBasePath: sp.serverless, emulator.StudioBasePath: sp.studio}
}

// of is the spec of the API the emulator serves at path.
func (sp specs) of(path string) *contract.Spec {
	for mount, spec := range sp.mounted() {
		if strings.HasPrefix(path, mount+"/") {
			return spec
		}
	}
	if strings.HasPrefix(path, "/v1/") {
		return sp.conversations
	}
	return sp.chat
}

// at is the spec of req's API and req as that API's own host gets it:
// without the base path the emulator serves that API under.
func (sp specs) at(req *http.Request) (*contract.Spec, *http.Request) {
	spec := sp.of(req.URL.Path)
	for mount := range sp.mounted() {
		if rest, ok := strings.CutPrefix(req.URL.Path, mount+"/"); ok {
			r := req.Clone(req.Context())
			r.URL.Path, r.URL.RawPath = "/"+rest, ""
			return spec, r
		}
	}
	return spec, req
}

// The schema names the checks below rely on, and the list envelopes, as the
// specs document them.
func TestSpecs_schemasOfTheEmulatedOperations(t *testing.T) {
	sp := loadSpecs(t)
	checkSchemas(t, sp.of, map[string]string{
		"/v2/Services/{ServiceSid}/Users/{Sid}":       "chat.v2.service.user",
		"/v2/Services/{ServiceSid}/Roles/{Sid}":       "chat.v2.service.role",
		"/v1/Services/{ChatServiceSid}/Users/{Sid}":   "conversations.v1.service.service_user",
		"/v1/Users/{Sid}":                             "conversations.v1.user",
		"/v1/Services/{ChatServiceSid}/Roles/{Sid}":   "conversations.v1.service.service_role",
		"/v1/Roles/{Sid}":                             "conversations.v1.role",
		"/v1/Services/{ChatServiceSid}/Configuration": "conversations.v1.service.service_configuration",
		"/v1/Configuration":                           "conversations.v1.configuration",
		"/v2/Services/{ServiceSid}/Users#users":       "chat.v2.service.user",
		"/v2/Services/{ServiceSid}/Roles#roles":       "chat.v2.service.role",
		"/v1/Services/{ChatServiceSid}/Users#users":   "conversations.v1.service.service_user",
		"/v1/Users#users":                             "conversations.v1.user",
		"/v1/Services/{ChatServiceSid}/Roles#roles":   "conversations.v1.service.service_role",
		"/v1/Roles#roles":                             "conversations.v1.role",
		"/v2/Services/{Sid}":                          "chat.v2.service",
		"/v1/Services/{Sid}":                          "conversations.v1.service",
		"/v2/Services#services":                       "chat.v2.service",
		"/v1/Services#services":                       "conversations.v1.service",
	})
	checkSchemas(t, func(string) *contract.Spec { return sp.taskRouter }, map[string]string{
		"/v1/Workspaces/{Sid}":                                 "taskrouter.v1.workspace",
		"/v1/Workspaces#workspaces":                            "taskrouter.v1.workspace",
		"/v1/Workspaces/{WorkspaceSid}/Activities/{Sid}":       "taskrouter.v1.workspace.activity",
		"/v1/Workspaces/{WorkspaceSid}/Activities#activities":  "taskrouter.v1.workspace.activity",
		"/v1/Workspaces/{WorkspaceSid}/TaskChannels/{Sid}":     "taskrouter.v1.workspace.task_channel",
		"/v1/Workspaces/{WorkspaceSid}/TaskChannels#channels":  "taskrouter.v1.workspace.task_channel",
		"/v1/Workspaces/{WorkspaceSid}/TaskQueues/{Sid}":       "taskrouter.v1.workspace.task_queue",
		"/v1/Workspaces/{WorkspaceSid}/TaskQueues#task_queues": "taskrouter.v1.workspace.task_queue",
		"/v1/Workspaces/{WorkspaceSid}/Workflows/{Sid}":        "taskrouter.v1.workspace.workflow",
		"/v1/Workspaces/{WorkspaceSid}/Workflows#workflows":    "taskrouter.v1.workspace.workflow",
	})
}

// checkSchemas checks that GET path answers, in the spec of gives it, the
// schema of want's name; a path with "#key" is a list, whose envelope is
// meta and key, items of that schema.
func checkSchemas(t *testing.T, of func(path string) *contract.Spec, want map[string]string) {
	t.Helper()
	for path, want := range want {
		path, key, isList := strings.Cut(path, "#")
		ref, err := of(path).OKSchema(path)
		if err != nil {
			t.Fatal(err)
		}
		if isList {
			props := ref.Value.Properties
			if got, want := slices.Sorted(mapsKeys(props)), slices.Sorted(slices.Values([]string{"meta", key})); !slices.Equal(got, want) {
				t.Errorf("%s: envelope %v", path, got)
				continue
			}
			meta := slices.Sorted(mapsKeys(props["meta"].Value.Properties))
			if want := []string{"first_page_url", "key", "next_page_url", "page", "page_size", "previous_page_url", "url"}; !slices.Equal(meta, want) {
				t.Errorf("%s: meta %v", path, meta)
			}
			ref = props[key].Value.Items
		}
		if ref.Ref != "#/components/schemas/"+want {
			t.Errorf("%s: %s, want %s", path, ref.Ref, want)
		}
	}
}

// Flex's configuration is its own path on its own host, with its own schema.
func TestSpecs_flexConfigurationSchema(t *testing.T) {
	ref, err := loadSpecs(t).flex.OKSchema("/v1/Configuration")
	if err != nil {
		t.Fatal(err)
	}
	if want := "#/components/schemas/flex.v1.configuration"; ref.Ref != want {
		t.Errorf("Flex's GET /v1/Configuration: %s, want %s", ref.Ref, want)
	}
	if n := len(ref.Value.Properties); n != 49 {
		t.Errorf("flex.v1.configuration has %d fields, want 49", n)
	}
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// newFamily is an emulator holding, in svc (the default service), a full
// user and one with every nullable field null, a role of each type and
// one with every nullable field null; otherSvc exists but is empty.
func newFamily() *emulator.Server {
	emu := emulator.New(emulator.Credentials{AccountSid: acct, AuthToken: token})
	emu.PutUser(svc, emulator.NewUser(twilioBase, acct, svc, userSid, "jing"))
	nullUser := map[string]any{"sid": nullSid}
	for _, name := range []string{"account_sid", "service_sid", "attributes", "friendly_name", "role_sid", "identity",
		"is_online", "is_notifiable", "date_created", "date_updated", "links", "url"} {
		nullUser[name] = nil
	}
	emu.PutUser(svc, nullUser)
	emu.PutRole(svc, emulator.NewRole(twilioBase, acct, svc, channelRole, "channel user", "channel", nil))
	emu.PutRole(svc, emulator.NewRole(twilioBase, acct, svc, serviceRole, "service admin", "deployment", nil))
	nullRoleObject := map[string]any{"sid": nullRole, "type": "channel"}
	for _, name := range []string{"account_sid", "service_sid", "friendly_name", "permissions", "date_created", "date_updated", "url"} {
		nullRoleObject[name] = nil
	}
	emu.PutRole(svc, nullRoleObject)
	emu.PutService(emulator.NewService(twilioBase, acct, svc, "Flex Chat Service"))
	nullServiceObject := map[string]any{"sid": nullService}
	// The counts are not nullable in the spec: left out, as Twilio may.
	for _, name := range []string{"account_sid", "friendly_name", "date_created", "date_updated", "default_service_role_sid",
		"default_channel_role_sid", "default_channel_creator_role_sid", "read_status_enabled", "reachability_enabled", "limits",
		"pre_webhook_url", "post_webhook_url", "webhook_method", "webhook_filters", "notifications", "media", "url", "links"} {
		nullServiceObject[name] = nil
	}
	emu.PutService(nullServiceObject)
	emu.AddService(otherSvc)
	emu.SetDefaultService(svc)

	emu.SeedFlexTaskRouter()
	emu.PutWorkspace(emulator.NewWorkspace(trBase, acct, trWorkspace, "Support"))
	emu.PutActivity(trWorkspace, emulator.NewActivity(trBase, acct, trWorkspace, trActivity, "Idle", true))
	emu.PutTaskChannel(trWorkspace, emulator.NewTaskChannel(trBase, acct, trWorkspace, trChannel, "email", "Email"))
	emu.PutTaskQueue(trWorkspace, emulator.NewTaskQueue(trBase, acct, trWorkspace, trQueue, "Tier 1"))
	emu.PutWorkflow(trWorkspace, emulator.NewWorkflow(trBase, acct, trWorkspace, trWorkflow, "Tiers", `{"task_routing":{"filters":[]}}`))
	// The enums, the queue's max_reserved_workers and the workflow's
	// task_reservation_timeout are not nullable in the spec: kept.
	emu.PutWorkspace(nulls(emulator.NewWorkspace(trBase, acct, nullWorkspace, ""), "prioritize_queue_order"))
	emu.PutActivity(trWorkspace, nulls(emulator.NewActivity(trBase, acct, trWorkspace, null("WA"), "", false)))
	emu.PutTaskChannel(trWorkspace, nulls(emulator.NewTaskChannel(trBase, acct, trWorkspace, null("TC"), "", "")))
	emu.PutTaskQueue(trWorkspace, nulls(emulator.NewTaskQueue(trBase, acct, trWorkspace, null("WQ"), ""), "task_order", "max_reserved_workers"))
	emu.PutWorkflow(trWorkspace, nulls(emulator.NewWorkflow(trBase, acct, trWorkspace, null("WW"), "", ""), "task_reservation_timeout"))
	return emu
}

// exchange is a GET of path on an emulator that setup, when given,
// changes first.
type exchange struct {
	path       string
	setup      func(*emulator.Server)
	noAuth     bool
	wantStatus int
}

// null is the sid of the object of type prefix with every nullable field null.
func null(prefix string) string { return prefix + "00000000000000000000000000000002" }

// nulls is full with every field null but its sid and keep.
func nulls(full map[string]any, keep ...string) map[string]any {
	for name := range full {
		if name != "sid" && !slices.Contains(keep, name) {
			full[name] = nil
		}
	}
	return full
}

func TestEmulatorFamily_answersMatchTheSpecs(t *testing.T) {
	sp := loadSpecs(t)
	nullConfigs := func(emu *emulator.Server) {
		emu.SetServiceConfiguration(svc, map[string]any{"chat_service_sid": nil, "default_conversation_creator_role_sid": nil,
			"default_conversation_role_sid": nil, "default_chat_service_role_sid": nil, "url": nil, "links": nil, "reachability_enabled": nil})
		emu.SetAccountConfiguration(map[string]any{"account_sid": nil, "default_chat_service_sid": nil, "default_messaging_service_sid": nil,
			"default_inactive_timer": nil, "default_closed_timer": nil, "url": nil, "links": nil})
		// status is the one field of flex.v1.configuration that is not nullable.
		flexNulls := map[string]any{"status": "notstarted"}
		for name := range emulator.NewFlexConfiguration(twilioBase, acct, svc) {
			if name != "status" {
				flexNulls[name] = nil
			}
		}
		emu.SetFlexConfiguration(flexNulls)
	}
	paged := func(emu *emulator.Server) { emu.SetMaxPageSize(1) }
	storedFlex := func(emu *emulator.Server) {
		emu.SetFlexConfiguration(emulator.NewFlexConfiguration("https://flex-api.twilio.com", acct, otherSvc))
	}
	f := emulator.FlexBasePath + "/v1/Configuration"
	s := "/v2/Services/" + svc
	c := "/v1/Services/" + svc
	tr := emulator.TaskRouterBasePath + "/v1"
	ws := tr + "/Workspaces/" + trWorkspace
	flexConfig := emulator.NewFlexConfiguration("", acct, svc)
	flexWS := tr + "/Workspaces/" + str(flexConfig["taskrouter_workspace_sid"])
	exchanges := map[string]exchange{
		"chat role by sid":                      {path: s + "/Roles/" + serviceRole, wantStatus: 200},
		"chat role, nulls":                      {path: s + "/Roles/" + nullRole, wantStatus: 200},
		"chat roles":                            {path: s + "/Roles", wantStatus: 200},
		"chat roles, paged":                     {path: s + "/Roles?PageSize=1&Page=1&PageToken=PT3", setup: paged, wantStatus: 200},
		"chat users":                            {path: s + "/Users?PageSize=100", wantStatus: 200},
		"chat users, empty service":             {path: "/v2/Services/" + otherSvc + "/Users", wantStatus: 200},
		"chat users, paged":                     {path: s + "/Users?PageSize=1", setup: paged, wantStatus: 200},
		"chat role not found":                   {path: s + "/Roles/" + userSid, wantStatus: 404},
		"chat roles, unknown service":           {path: "/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Roles", wantStatus: 403},
		"chat users, bad page size":             {path: s + "/Users?PageSize=0", wantStatus: 400},
		"chat users, unavailable":               {path: s + "/Users", setup: fault(emulator.RouteChatUsers, 503), wantStatus: 503},
		"conversations user by sid":             {path: c + "/Users/" + userSid, wantStatus: 200},
		"conversations user by identity":        {path: c + "/Users/jing", wantStatus: 200},
		"conversations user, nulls":             {path: c + "/Users/" + nullSid, wantStatus: 200},
		"conversations users":                   {path: c + "/Users?PageSize=50", wantStatus: 200},
		"conversations users, paged":            {path: c + "/Users?PageSize=1", setup: paged, wantStatus: 200},
		"default service user":                  {path: "/v1/Users/jing", wantStatus: 200},
		"default service user, nulls":           {path: "/v1/Users/" + nullSid, wantStatus: 200},
		"default service users":                 {path: "/v1/Users", wantStatus: 200},
		"conversations role":                    {path: c + "/Roles/" + channelRole, wantStatus: 200},
		"conversations role, service type":      {path: c + "/Roles/" + serviceRole, wantStatus: 200},
		"conversations role, nulls":             {path: c + "/Roles/" + nullRole, wantStatus: 200},
		"conversations roles":                   {path: c + "/Roles", wantStatus: 200},
		"default service role":                  {path: "/v1/Roles/" + serviceRole, wantStatus: 200},
		"default service roles":                 {path: "/v1/Roles", wantStatus: 200},
		"default service roles, paged":          {path: "/v1/Roles?PageSize=1&Page=2&PageToken=PT4", setup: paged, wantStatus: 200},
		"service configuration":                 {path: c + "/Configuration", wantStatus: 200},
		"service configuration, nulls":          {path: c + "/Configuration", setup: nullConfigs, wantStatus: 200},
		"account configuration":                 {path: "/v1/Configuration", wantStatus: 200},
		"account configuration, nulls":          {path: "/v1/Configuration", setup: nullConfigs, wantStatus: 200},
		"conversations user not found":          {path: c + "/Users/nobody", wantStatus: 404},
		"conversations role, unknown service":   {path: "/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Roles/" + channelRole, wantStatus: 403},
		"configuration, unknown service":        {path: "/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Configuration", wantStatus: 403},
		"default user without default service":  {path: "/v1/Users/jing", setup: func(e *emulator.Server) { e.SetDefaultService("") }, wantStatus: 404},
		"conversations, no credentials":         {path: "/v1/Roles", noAuth: true, wantStatus: 401},
		"conversations, rate limited":           {path: "/v1/Configuration", setup: fault(emulator.RouteConversationsConfiguration, 429), wantStatus: 429},
		"conversations path not served":         {path: c + "/Conversations", wantStatus: 404},
		"flex configuration":                    {path: f, wantStatus: 200},
		"flex configuration, pinned UI version": {path: f + "?UiVersion=1.34.0", wantStatus: 200},
		"flex configuration, nulls":             {path: f, setup: nullConfigs, wantStatus: 200},
		"flex configuration, stored":            {path: f, setup: storedFlex, wantStatus: 200},
		"account without flex":                  {path: f, setup: (*emulator.Server).RemoveFlex, wantStatus: 404},
		"flex, no credentials":                  {path: f, noAuth: true, wantStatus: 401},
		"flex, rate limited":                    {path: f, setup: fault(emulator.RouteFlexConfiguration, 429), wantStatus: 429},
		"flex, unavailable":                     {path: f, setup: fault(emulator.RouteFlexConfiguration, 503), wantStatus: 503},
		"chat service by sid":                   {path: s, wantStatus: 200},
		"chat service, nulls":                   {path: "/v2/Services/" + nullService, wantStatus: 200},
		"chat service not found":                {path: "/v2/Services/" + otherSvc, wantStatus: 404},
		"chat services":                         {path: "/v2/Services?PageSize=100", wantStatus: 200},
		"chat services, paged":                  {path: "/v2/Services?PageSize=1", setup: paged, wantStatus: 200},
		"chat services, unavailable":            {path: "/v2/Services", setup: fault(emulator.RouteChatServices, 503), wantStatus: 503},
		"conversations service by sid":          {path: c, wantStatus: 200},
		"conversations service, nulls":          {path: "/v1/Services/" + nullService, wantStatus: 200},
		"conversations service not found":       {path: "/v1/Services/" + otherSvc, wantStatus: 404},
		"conversations services":                {path: "/v1/Services?PageSize=100", wantStatus: 200},
		"conversations services, paged":         {path: "/v1/Services?PageSize=1&Page=1&PageToken=PT1", setup: paged, wantStatus: 200},
		"conversations service, rate limited":   {path: c, setup: fault(emulator.RouteConversationsService, 429), wantStatus: 429},
		"taskrouter workspace":                  {path: ws, wantStatus: 200},
		"taskrouter flex workspace":             {path: flexWS, wantStatus: 200},
		"taskrouter workspace, nulls":           {path: tr + "/Workspaces/" + nullWorkspace, wantStatus: 200},
		"taskrouter workspace not found":        {path: tr + "/Workspaces/" + null("WS")[:33] + "9", wantStatus: 404},
		"taskrouter workspaces":                 {path: tr + "/Workspaces?PageSize=1000", wantStatus: 200},
		"taskrouter workspaces, by name":        {path: tr + "/Workspaces?FriendlyName=Support", wantStatus: 200},
		"taskrouter workspaces, paged":          {path: tr + "/Workspaces?PageSize=1&Page=1&PageToken=PT" + "1", setup: paged, wantStatus: 200},
		"taskrouter activity":                   {path: ws + "/Activities/" + trActivity, wantStatus: 200},
		"taskrouter activity, nulls":            {path: ws + "/Activities/" + null("WA"), wantStatus: 200},
		"taskrouter activity not found":         {path: flexWS + "/Activities/" + trActivity, wantStatus: 404},
		"taskrouter activities":                 {path: flexWS + "/Activities", wantStatus: 200},
		"taskrouter activities, available":      {path: flexWS + "/Activities?Available=true&PageSize=1", setup: paged, wantStatus: 200},
		"taskrouter activities, paged":          {path: ws + "/Activities?PageSize=1", setup: paged, wantStatus: 200},
		"taskrouter activities, unknown ws":     {path: tr + "/Workspaces/" + null("WS")[:33] + "9/Activities", wantStatus: 404},
		"taskrouter channel by sid":             {path: ws + "/TaskChannels/" + trChannel, wantStatus: 200},
		"taskrouter channel by unique name":     {path: flexWS + "/TaskChannels/voice", wantStatus: 200},
		"taskrouter channel, nulls":             {path: ws + "/TaskChannels/" + null("TC"), wantStatus: 200},
		"taskrouter channel not found":          {path: flexWS + "/TaskChannels/fax", wantStatus: 404},
		"taskrouter channels":                   {path: flexWS + "/TaskChannels?PageSize=1000", wantStatus: 200},
		"taskrouter channels, paged":            {path: flexWS + "/TaskChannels?PageSize=2", setup: paged, wantStatus: 200},
		"taskrouter queue":                      {path: ws + "/TaskQueues/" + trQueue, wantStatus: 200},
		"taskrouter flex queue":                 {path: flexWS + "/TaskQueues/" + str(flexConfig["taskrouter_target_taskqueue_sid"]), wantStatus: 200},
		"taskrouter queue, nulls":               {path: ws + "/TaskQueues/" + null("WQ"), wantStatus: 200},
		"taskrouter queues":                     {path: ws + "/TaskQueues?FriendlyName=Tier%201", wantStatus: 200},
		"taskrouter queues, paged":              {path: ws + "/TaskQueues?PageSize=1", setup: paged, wantStatus: 200},
		"taskrouter workflow":                   {path: ws + "/Workflows/" + trWorkflow, wantStatus: 200},
		"taskrouter flex workflow":              {path: flexWS + "/Workflows/" + str(flexConfig["taskrouter_target_workflow_sid"]), wantStatus: 200},
		"taskrouter workflow, nulls":            {path: ws + "/Workflows/" + null("WW"), wantStatus: 200},
		"taskrouter workflows":                  {path: flexWS + "/Workflows", wantStatus: 200},
		"taskrouter workflows, paged":           {path: ws + "/Workflows?PageSize=1&Page=1&PageToken=PT" + "1", setup: paged, wantStatus: 200},
		"taskrouter, no credentials":            {path: ws, noAuth: true, wantStatus: 401},
		"taskrouter, rate limited":              {path: flexWS + "/Activities", setup: fault(emulator.RouteTaskRouterActivities, 429), wantStatus: 429},
		"taskrouter, unavailable":               {path: ws + "/Workflows/" + trWorkflow, setup: fault(emulator.RouteTaskRouterWorkflow, 503), wantStatus: 503},
		"taskrouter path not served":            {path: ws + "/Workers", wantStatus: 404},
	}
	checkExchanges(t, sp, newFamily, exchanges)
}

// checkExchanges runs each exchange on its own emulator from newEmulator,
// and checks its status and that the spec of its API accepts its answer.
func checkExchanges(t *testing.T, sp specs, newEmulator func() *emulator.Server, exchanges map[string]exchange) {
	t.Helper()
	for name, x := range exchanges {
		t.Run(name, func(t *testing.T) {
			emu := newEmulator()
			if x.setup != nil {
				x.setup(emu)
			}
			req := httptest.NewRequest(http.MethodGet, x.path, nil)
			if !x.noAuth {
				req.SetBasicAuth(acct, token)
			}
			rec := serve(emu, req)
			if rec.Code != x.wantStatus {
				t.Fatalf("status %d, want %d: %s", rec.Code, x.wantStatus, rec.Body)
			}
			spec, atTwilio := sp.at(req)
			if err := spec.ValidateResponse(context.Background(), atTwilio, rec.Code, rec.Header(), rec.Body.Bytes()); err != nil {
				t.Errorf("the emulator's answer does not match the spec: %v\nbody: %s", err, rec.Body)
			}
		})
	}
}

func fault(route emulator.RouteName, status int) func(*emulator.Server) {
	return func(emu *emulator.Server) { emu.InjectRouteFaults(route, emulator.Fault{Status: status}) }
}

// Validation lets fields the schema does not name through, so the full
// objects are also checked to carry exactly the schema's fields: a Chat
// field leaking into a Conversations answer would otherwise go unseen.
func TestEmulatorFamily_fullObjectsHaveExactlyTheSchemasFields(t *testing.T) {
	sp := loadSpecs(t)
	c := "/v1/Services/" + svc
	ws := emulator.TaskRouterBasePath + "/v1/Workspaces/" + trWorkspace
	checkFullObjects(t, sp, newFamily(), map[string]string{
		userPath(svc, "jing"):                           "chat.v2.service.user",
		"/v2/Services/" + svc + "/Roles/" + channelRole: "chat.v2.service.role",
		c + "/Users/jing":                               "conversations.v1.service.service_user",
		"/v1/Users/jing":                                "conversations.v1.user",
		c + "/Roles/" + channelRole:                     "conversations.v1.service.service_role",
		"/v1/Roles/" + channelRole:                      "conversations.v1.role",
		c + "/Configuration":                            "conversations.v1.service.service_configuration",
		"/v1/Configuration":                             "conversations.v1.configuration",
		"/v2/Services/" + svc:                           "chat.v2.service",
		c:                                               "conversations.v1.service",
		emulator.FlexBasePath + "/v1/Configuration": "flex.v1.configuration",
		ws:                                "taskrouter.v1.workspace",
		ws + "/Activities/" + trActivity:  "taskrouter.v1.workspace.activity",
		ws + "/TaskChannels/" + trChannel: "taskrouter.v1.workspace.task_channel",
		ws + "/TaskQueues/" + trQueue:     "taskrouter.v1.workspace.task_queue",
		ws + "/Workflows/" + trWorkflow:   "taskrouter.v1.workspace.workflow",
	})
}

// checkFullObjects checks that GET path on emu answers an object with
// exactly the fields of the named schema, none null.
func checkFullObjects(t *testing.T, sp specs, emu *emulator.Server, schemas map[string]string) {
	t.Helper()
	for path, schema := range schemas {
		req := authed(httptest.NewRequest(http.MethodGet, path, nil))
		rec := serve(emu, req)
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != 200 {
			t.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
		}
		s, err := sp.of(path).Schema(schema)
		if err != nil {
			t.Fatal(err)
		}
		want := slices.Sorted(mapsKeys(s.Properties))
		if got := slices.Sorted(mapsKeys(body)); !slices.Equal(got, want) {
			t.Errorf("%s: fields %v, want %s's %v", path, got, schema, want)
		}
		for k, v := range body {
			if v == nil {
				t.Errorf("%s: %s is null in a full object", path, k)
			}
		}
	}
}

// Each of these breaks a Conversations or Chat schema in one place the
// emulator's renderings could get wrong, and must be refused.
func TestSpecValidation_refusesWrongShapes(t *testing.T) {
	sp := loadSpecs(t)
	emu := newFamily()
	trWS := emulator.TaskRouterBasePath + "/v1/Workspaces/" + trWorkspace
	jsonHeader := http.Header{"Content-Type": {"application/json"}}
	with := func(path, field string, value any) (*http.Request, []byte) {
		req := authed(httptest.NewRequest(http.MethodGet, path, nil))
		var m map[string]any
		_ = json.Unmarshal(serve(emu, req).Body.Bytes(), &m)
		m[field] = value
		b, _ := json.Marshal(m)
		return req, b
	}
	c := "/v1/Services/" + svc
	for name, x := range map[string]struct {
		path, field string
		value       any
	}{
		"conversations role with a Chat type":  {c + "/Roles/" + channelRole, "type", "channel"},
		"default role with a Chat type":        {"/v1/Roles/" + serviceRole, "type", "deployment"},
		"chat role with a Conversations type":  {"/v2/Services/" + svc + "/Roles/" + channelRole, "type", "conversation"},
		"permissions as a string":              {"/v1/Roles/" + channelRole, "permissions", "sendMessage"},
		"chat_service_sid of another kind":     {c + "/Users/jing", "chat_service_sid", userSid},
		"messaging service as a chat service":  {"/v1/Configuration", "default_messaging_service_sid", svc},
		"reachability_enabled as a string":     {c + "/Configuration", "reachability_enabled", "false"},
		"list meta as a list":                  {c + "/Users", "meta", []any{}},
		"list items as an object":              {"/v1/Roles", "roles", map[string]any{}},
		"chat service role of another kind":    {"/v2/Services/" + svc, "default_channel_role_sid", svc},
		"webhook_filters as a string":          {"/v2/Services/" + svc, "webhook_filters", "onMessageSend"},
		"conversations service sid as a user":  {c, "sid", userSid},
		"flex service of another kind":         {emulator.FlexBasePath + "/v1/Configuration", "flex_service_instance_sid", userSid},
		"flex status outside the enum":         {emulator.FlexBasePath + "/v1/Configuration", "status", "ready"},
		"serverless sids as a string":          {emulator.FlexBasePath + "/v1/Configuration", "serverless_service_sids", "ZS0123456789abcdef0123456789abcdef"},
		"flex drilldown as a string":           {emulator.FlexBasePath + "/v1/Configuration", "flex_insights_drilldown", "true"},
		"activity available as a string":       {trWS + "/Activities/" + trActivity, "available", "true"},
		"queue order outside the enum":         {trWS + "/TaskQueues/" + trQueue, "task_order", "RANDOM"},
		"channel sid of another kind":          {trWS + "/TaskChannels/" + trChannel, "sid", trQueue},
		"workflow configuration as an object":  {trWS + "/Workflows/" + trWorkflow, "configuration", map[string]any{}},
		"workspace's default activity a queue": {trWS, "default_activity_sid", trQueue},
	} {
		t.Run(name, func(t *testing.T) {
			req, body := with(x.path, x.field, x.value)
			spec, atTwilio := sp.at(req)
			if err := spec.ValidateResponse(context.Background(), atTwilio, 200, jsonHeader, body); err == nil {
				t.Errorf("accepted: %s", body)
			}
		})
	}
}

// The emulator's page links are requests the spec accepts, routed back to
// the same list operation.
func TestEmulatorFamily_pageLinksAreValidRequests(t *testing.T) {
	sp := loadSpecs(t)
	emu := newFamily()
	emu.SetMaxPageSize(1)
	ws := emulator.TaskRouterBasePath + "/v1/Workspaces/" + trWorkspace
	checkPageLinks(t, sp, emu, "/v2/Services/"+svc+"/Users", "/v2/Services/"+svc+"/Roles", "/v1/Services/"+svc+"/Users", "/v1/Users", "/v1/Roles", "/v2/Services", "/v1/Services",
		emulator.TaskRouterBasePath+"/v1/Workspaces", ws+"/Activities", ws+"/TaskChannels", ws+"/TaskQueues", ws+"/Workflows", ws+"/Activities?FriendlyName=Idle")
}

// checkPageLinks follows every page of each list at paths on emu, and
// checks that each page link is a request the list's spec accepts, routed
// to that list's operation.
func checkPageLinks(t *testing.T, sp specs, emu *emulator.Server, paths ...string) {
	t.Helper()
	for _, path := range paths {
		_, list := sp.at(httptest.NewRequest(http.MethodGet, path, nil))
		next := path
		for pages := 0; next != ""; pages++ {
			spec, req := sp.at(authed(httptest.NewRequest(http.MethodGet, next, nil)))
			if err := spec.ValidateRequest(context.Background(), req); err != nil {
				t.Errorf("%s: %v", next, err)
			}
			route, _, err := spec.Route(req)
			if err != nil || req.URL.Path != list.URL.Path || !templateMatches(route.Path, list.URL.Path) {
				t.Errorf("%s routed to %v (%v)", next, route, err)
			}
			var page struct {
				Meta struct {
					NextPageURL *string `json:"next_page_url"`
				} `json:"meta"`
			}
			_ = json.Unmarshal(serve(emu, authed(httptest.NewRequest(http.MethodGet, next, nil))).Body.Bytes(), &page)
			next = ""
			if page.Meta.NextPageURL != nil {
				next = strings.TrimPrefix(*page.Meta.NextPageURL, "http://example.com")
				if q := strings.SplitN(path, "?", 2); len(q) == 2 && !strings.Contains(next, q[1]+"&") {
					t.Errorf("%s: next page %s drops the filter", path, next)
				}
			}
			if pages > 10 {
				t.Fatalf("%s: no last page", path)
			}
		}
	}
}

// templateMatches reports whether path is one of template's, a spec's
// path whose "{...}" segments stand for any one segment.
func templateMatches(template, path string) bool {
	tseg, pseg := strings.Split(template, "/"), strings.Split(path, "/")
	if len(tseg) != len(pseg) {
		return false
	}
	for i, seg := range tseg {
		if !strings.HasPrefix(seg, "{") && seg != pseg[i] {
			return false
		}
	}
	return true
}

// str is v when it is a JSON string, else "".
func str(v any) string {
	s, _ := v.(string)
	return s
}
