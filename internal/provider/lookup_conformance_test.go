package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// The conformance suite: every data source that looks one object up by
// sid or by name (framework.Lookup) goes through the same cases, on a real
// CLI against the emulator. A new lookup joins by adding its row to
// lookupSources; each type then tests only what is its own (its flatten,
// its contract check, its odd arguments).

// lookupSource is one lookup data source, as the suite drives it.
type lookupSource struct {
	typ       string // "twilio_chat_role"
	resource  string // "chat role", as errors name one
	resources string // "chat roles", as errors name several
	plural    string // "roles", as not-found counts them
	nameField string // "friendly_name"
	sidPrefix string
	// scope are the arguments naming where the objects live; where names
	// it in errors.
	scope []hclArg
	where string
	// byFetch: Twilio's fetch takes the name in its path, so a lookup by
	// name is one fetch, and names are unique.
	byFetch bool
	// unique: Twilio refuses two objects of one name (a task channel's
	// unique_name), so several can never match.
	unique bool
	// otherNames are the fields besides nameField an object can be looked
	// up by (an environment's domain_suffix).
	otherNames []string
	// fetchFound: a lookup by name fetches the object it found in the list.
	fetchFound            bool
	fetchRoute, listRoute emulator.RouteName
	sidOf                 func(i int) string
	// put stores object i (sidOf(i)) named name.
	put func(emu *emulator.Server, i int, name string)
	// shown is how not-found lists an object named name; kind what a
	// several-match diagnostic adds to each sid, and choose how it ends.
	shown          func(name string) string
	kind, choose   string
	emptyNameError string
}

func (s lookupSource) addr() string { return "data." + s.typ + ".x" }

func (s lookupSource) block(args ...hclArg) string {
	return dataBlock(s.typ, "x", append(append([]hclArg{}, s.scope...), args...)...)
}

// nameRoute is the route a lookup by name reads.
func (s lookupSource) nameRoute() emulator.RouteName {
	if s.byFetch {
		return s.fetchRoute
	}
	return s.listRoute
}

func roleLookup(typ, resource, serviceArg string, fetch, list emulator.RouteName, deployment, kinds string) lookupSource {
	return lookupSource{
		typ: typ, resource: resource, resources: resource + "s", plural: "roles", nameField: "friendly_name", sidPrefix: "RL",
		scope: []hclArg{str(serviceArg, testServiceSid)}, where: "service " + testServiceSid,
		fetchRoute: fetch, listRoute: list, sidOf: roleSid,
		put: func(emu *emulator.Server, i int, name string) {
			emu.PutRole(testServiceSid, emulator.NewRole(emu.URL(), testAccountSid, testServiceSid, roleSid(i), name, "deployment", nil))
		},
		shown:          func(name string) string { return fmt.Sprintf("%q (%s)", name, deployment) },
		kind:           " (type " + deployment + ")",
		choose:         "Set type (" + kinds + ") or sid to choose one.",
		emptyNameError: "Attribute friendly_name string length must be at least 1, got: 0",
	}
}

func serviceLookup(typ, resource string, fetch, list emulator.RouteName) lookupSource {
	return lookupSource{
		typ: typ, resource: resource, resources: resource + "s", plural: "services", nameField: "friendly_name", sidPrefix: "IS",
		where: "the account", fetchRoute: fetch, listRoute: list, sidOf: serviceSidOf,
		put: func(emu *emulator.Server, i int, name string) {
			emu.PutService(emulator.NewService(emu.URL(), testAccountSid, serviceSidOf(i), name))
		},
		shown:          func(name string) string { return fmt.Sprintf("%q", name) },
		choose:         "Set sid to choose one.",
		emptyNameError: "Attribute friendly_name string length must be at least 1, got: 0",
	}
}

func userLookup(typ, resource, serviceArg string, fetch emulator.RouteName) lookupSource {
	userSid := func(i int) string { return fmt.Sprintf("US%032d", i) }
	return lookupSource{
		typ: typ, resource: resource, resources: resource + "s", plural: "users", nameField: "identity", sidPrefix: "US",
		scope: []hclArg{str(serviceArg, testServiceSid)}, where: "service " + testServiceSid,
		byFetch: true, fetchRoute: fetch, sidOf: userSid,
		put: func(emu *emulator.Server, i int, name string) {
			emu.PutUser(testServiceSid, emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, userSid(i), name))
		},
		emptyNameError: "Attribute identity string length must be between 1 and 1024, got: 0",
	}
}

// accountLookup is a lookup among the account's objects of a product
// other than Chat and Conversations, each put by put.
func accountLookup(typ, resource, noun, plural, nameField, sidPrefix string, fetch, list emulator.RouteName,
	put func(emu *emulator.Server, sid, name string)) lookupSource {
	sidOf := func(i int) string { return fmt.Sprintf("%s%032d", sidPrefix, i) }
	return lookupSource{
		typ: typ, resource: resource, resources: strings.TrimSuffix(resource, strings.ToLower(noun)) + plural, plural: plural,
		nameField: nameField, sidPrefix: sidPrefix, where: "the account", unique: nameField == "unique_name",
		fetchRoute: fetch, listRoute: list, sidOf: sidOf,
		put:            func(emu *emulator.Server, i int, name string) { put(emu, sidOf(i), name) },
		shown:          func(name string) string { return fmt.Sprintf("%q", name) },
		choose:         "Set sid to choose one.",
		emptyNameError: "Attribute " + nameField + " string length must be at least 1, got: 0",
	}
}

// inScope is s looking among the objects of the scope named by arg =
// scopeSid (the noun's), which prepare puts first.
func (s lookupSource) inScope(arg, noun, scopeSid string, prepare func(emu *emulator.Server)) lookupSource {
	put := s.put
	s.scope, s.where = []hclArg{str(arg, scopeSid)}, noun+" "+scopeSid
	s.put = func(emu *emulator.Server, i int, name string) {
		prepare(emu)
		put(emu, i, name)
	}
	return s
}

// testServerlessServiceSid is the service the Serverless lookups look in.
const testServerlessServiceSid = "ZS0123456789abcdef0123456789abcdef"

func putTestServerlessService(emu *emulator.Server) {
	emu.PutServerlessService(emulator.NewServerlessService(emu.ServerlessURL(), testAccountSid, testServerlessServiceSid, "default", "default"))
}

// testWorkspaceSid is the workspace the TaskRouter lookups look in.
const testWorkspaceSid = "WS0123456789abcdef0123456789abcdef"

func taskrouterLookup(typ, noun, plural, nameField, sidPrefix string, fetch, list emulator.RouteName,
	put func(emu *emulator.Server, sid, name string)) lookupSource {
	sidOf := func(i int) string { return fmt.Sprintf("%s%032d", sidPrefix, i) }
	s := lookupSource{
		typ: typ, resource: "taskrouter " + noun, resources: "taskrouter " + plural, plural: plural, nameField: nameField, sidPrefix: sidPrefix,
		scope: []hclArg{str("workspace_sid", testWorkspaceSid)}, where: "workspace " + testWorkspaceSid,
		fetchRoute: fetch, listRoute: list, sidOf: sidOf,
		put: func(emu *emulator.Server, i int, name string) {
			emu.PutWorkspace(emulator.NewWorkspace(emu.TaskRouterURL(), testAccountSid, testWorkspaceSid, "Flex Task Assignment"))
			put(emu, sidOf(i), name)
		},
		shown:          func(name string) string { return fmt.Sprintf("%q", name) },
		choose:         "Set sid to choose one.",
		emptyNameError: "Attribute " + nameField + " string length must be at least 1, got: 0",
	}
	s.unique = nameField == "unique_name"
	if typ == "twilio_taskrouter_workspace" {
		s.scope, s.where = nil, "the account"
		s.put = func(emu *emulator.Server, i int, name string) { put(emu, sidOf(i), name) }
	}
	return s
}

var lookupSources = []lookupSource{
	userLookup("twilio_chat_user", "chat user", "service_sid", emulator.RouteChatUser),
	userLookup("twilio_conversations_user", "conversations user", "chat_service_sid", emulator.RouteConversationsUser),
	roleLookup("twilio_chat_role", "chat role", "service_sid", emulator.RouteChatRole, emulator.RouteChatRoles, "deployment", "`channel` or `deployment`"),
	roleLookup("twilio_conversations_role", "conversations role", "chat_service_sid", emulator.RouteConversationsRole, emulator.RouteConversationsRoles,
		"service", "`conversation` or `service`"),
	serviceLookup("twilio_chat_service", "chat service", emulator.RouteChatService, emulator.RouteChatServices),
	serviceLookup("twilio_conversations_service", "conversations service", emulator.RouteConversationsService, emulator.RouteConversationsServices),
	taskrouterLookup("twilio_taskrouter_workspace", "workspace", "workspaces", "friendly_name", "WS",
		emulator.RouteTaskRouterWorkspace, emulator.RouteTaskRouterWorkspaces, func(emu *emulator.Server, sid, name string) {
			emu.PutWorkspace(emulator.NewWorkspace(emu.TaskRouterURL(), testAccountSid, sid, name))
		}),
	taskrouterLookup("twilio_taskrouter_activity", "activity", "activities", "friendly_name", "WA",
		emulator.RouteTaskRouterActivity, emulator.RouteTaskRouterActivities, func(emu *emulator.Server, sid, name string) {
			emu.PutActivity(testWorkspaceSid, emulator.NewActivity(emu.TaskRouterURL(), testAccountSid, testWorkspaceSid, sid, name, true))
		}),
	taskrouterLookup("twilio_taskrouter_task_channel", "task channel", "task channels", "unique_name", "TC",
		emulator.RouteTaskRouterTaskChannel, emulator.RouteTaskRouterTaskChannels, func(emu *emulator.Server, sid, name string) {
			emu.PutTaskChannel(testWorkspaceSid, emulator.NewTaskChannel(emu.TaskRouterURL(), testAccountSid, testWorkspaceSid, sid, name, "Channel "+name))
		}),
	taskrouterLookup("twilio_taskrouter_task_queue", "task queue", "task queues", "friendly_name", "WQ",
		emulator.RouteTaskRouterTaskQueue, emulator.RouteTaskRouterTaskQueues, func(emu *emulator.Server, sid, name string) {
			emu.PutTaskQueue(testWorkspaceSid, emulator.NewTaskQueue(emu.TaskRouterURL(), testAccountSid, testWorkspaceSid, sid, name))
		}),
	taskrouterLookup("twilio_taskrouter_workflow", "workflow", "workflows", "friendly_name", "WW",
		emulator.RouteTaskRouterWorkflow, emulator.RouteTaskRouterWorkflows, func(emu *emulator.Server, sid, name string) {
			emu.PutWorkflow(testWorkspaceSid, emulator.NewWorkflow(emu.TaskRouterURL(), testAccountSid, testWorkspaceSid, sid, name, `{"task_routing":{"filters":[]}}`))
		}),
	serverlessServiceLookup(),
	serverlessEnvironmentLookup(),
	accountLookup("twilio_serverless_function", "serverless function", "function", "functions", "friendly_name", "ZH",
		emulator.RouteServerlessFunction, emulator.RouteServerlessFunctions, func(emu *emulator.Server, sid, name string) {
			emu.PutFunction(testServerlessServiceSid, emulator.NewFunction(emu.ServerlessURL(), testAccountSid, testServerlessServiceSid, sid, name))
		}).inScope("service_sid", "service", testServerlessServiceSid, putTestServerlessService),
	studioFlowLookup(),
	accountLookup("twilio_flex_flow", "flex flow", "Flex Flow", "Flex Flows", "friendly_name", "FO",
		emulator.RouteFlexFlow, emulator.RouteFlexFlows, func(emu *emulator.Server, sid, name string) {
			emu.PutFlexFlow(emulator.NewFlexFlow(emu.FlexURL(), testAccountSid, sid, name, testServiceSid, "web", "FW0123456789abcdef0123456789abcdef"))
		}),
}

// serverlessServiceLookup finds a service by unique_name with Twilio's
// fetch, which takes it in the path.
func serverlessServiceLookup() lookupSource {
	s := accountLookup("twilio_serverless_service", "serverless service", "service", "services", "unique_name", "ZS",
		emulator.RouteServerlessService, emulator.RouteServerlessServices, func(emu *emulator.Server, sid, name string) {
			emu.PutServerlessService(emulator.NewServerlessService(emu.ServerlessURL(), testAccountSid, sid, name, "Service "+name))
		})
	s.byFetch, s.emptyNameError = true, "Attribute unique_name string length must be between 1 and 1024, got: 0"
	return s
}

// serverlessEnvironmentLookup finds an environment by unique_name, or by
// domain_suffix (TestAccServerless covers the second).
func serverlessEnvironmentLookup() lookupSource {
	s := accountLookup("twilio_serverless_environment", "serverless environment", "environment", "environments", "unique_name", "ZE",
		emulator.RouteServerlessEnvironment, emulator.RouteServerlessEnvironments, func(emu *emulator.Server, sid, name string) {
			emu.PutEnvironment(testServerlessServiceSid, emulator.NewEnvironment(emu.ServerlessURL(), testAccountSid, testServerlessServiceSid, sid, name, name, "default-1234-"+name+".twil.io"))
		}).inScope("service_sid", "service", testServerlessServiceSid, putTestServerlessService)
	s.otherNames = []string{"domain_suffix"}
	return s
}

// studioFlowLookup finds a flow by name in the list, then fetches it for
// its definition.
func studioFlowLookup() lookupSource {
	s := accountLookup("twilio_studio_flow", "studio flow", "flow", "flows", "friendly_name", "FW",
		emulator.RouteStudioFlow, emulator.RouteStudioFlows, func(emu *emulator.Server, sid, name string) {
			emu.PutStudioFlow(emulator.NewStudioFlow(emu.StudioURL(), testAccountSid, sid, name, nil))
		})
	s.fetchFound = true
	return s
}

// routesSeen renders each request the emulator saw as "status route", for
// checks of which requests a read sent, whatever their paths.
func routesSeen(emu *emulator.Server) []string {
	var out []string
	for _, r := range emu.Requests() {
		out = append(out, fmt.Sprintf("%d %s", r.Status, r.Route))
	}
	return out
}

// conformance runs test for every lookup, each on its own emulator holding
// the objects named names (object i+1 named names[i]).
func conformance(t *testing.T, test func(t *testing.T, s lookupSource, emu *emulator.Server), names ...string) {
	for _, s := range lookupSources {
		t.Run(s.typ, func(t *testing.T) {
			emu := startBareEmulator(t)
			for i, name := range names {
				s.put(emu, i+1, name)
			}
			test(t, s, emu)
		})
	}
}

func TestAccLookup_bySidIsOneFetch(t *testing.T) {
	conformance(t, func(t *testing.T, s lookupSource, emu *emulator.Server) {
		accTest(t, resource.TestStep{
			Config: providerBlock(emu) + s.block(str("sid", s.sidOf(2))),
			ConfigStateChecks: []statecheck.StateCheck{
				expectAttr(s.addr(), "sid", knownvalue.StringExact(s.sidOf(2))),
				expectAttr(s.addr(), s.nameField, knownvalue.StringExact("beta")),
			},
		})
		expectReadsOf(t, routesSeen(emu), false, fmt.Sprintf("200 %s", s.fetchRoute))
	}, "alpha", "beta")
}

func TestAccLookup_byNameIsOneRequest(t *testing.T) {
	conformance(t, func(t *testing.T, s lookupSource, emu *emulator.Server) {
		accTest(t, resource.TestStep{
			Config: providerBlock(emu) + s.block(str(s.nameField, "beta")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectAttr(s.addr(), "sid", knownvalue.StringExact(s.sidOf(2))),
				expectAttr(s.addr(), s.nameField, knownvalue.StringExact("beta")),
			},
		})
		read := []string{fmt.Sprintf("200 %s", s.nameRoute())}
		if s.fetchFound {
			read = append(read, fmt.Sprintf("200 %s", s.fetchRoute))
		}
		expectReadsOf(t, routesSeen(emu), false, read...)
	}, "alpha", "beta", "gamma")
}

func TestAccLookup_notFoundNamesWhatExistsCaseVariantsFirst(t *testing.T) {
	conformance(t, func(t *testing.T, s lookupSource, emu *emulator.Server) {
		want := errorPattern(s.resource+" not found", fmt.Sprintf("No %s with %s %q in %s", s.resource, s.nameField, "beta", s.where))
		if !s.byFetch {
			want = errorPattern(s.resource+" not found",
				fmt.Sprintf(`No %s named "beta" in %s; names are matched exactly, case included.`, s.resource, s.where),
				fmt.Sprintf("The 4 %s there: %s, %s, %s, %s.", s.plural, s.shown("BETA"), s.shown("Beta"), s.shown("alpha"), s.shown("gamma")))
		}
		accTest(t, resource.TestStep{Config: providerBlock(emu) + s.block(str(s.nameField, "beta")), ExpectError: want})
	}, "alpha", "Beta", "gamma", "BETA")
}

func TestAccLookup_severalMatchNameTheirSids(t *testing.T) {
	conformance(t, func(t *testing.T, s lookupSource, emu *emulator.Server) {
		if s.byFetch || s.unique {
			t.Skipf("Twilio keeps %s unique", s.nameField)
		}
		accTest(t, resource.TestStep{
			Config: providerBlock(emu) + s.block(str(s.nameField, "twin")),
			ExpectError: errorPattern("several "+s.resources+" match", fmt.Sprintf(`2 %s are named "twin" in %s: %s%s, %s%s. %s`,
				s.resources, s.where, s.sidOf(1), s.kind, s.sidOf(3), s.kind, s.choose)),
		})
	}, "twin", "other", "twin")
}

func TestAccLookup_invalidArgumentsFailAtPlanWithNothingSent(t *testing.T) {
	conformance(t, func(t *testing.T, s lookupSource, emu *emulator.Server) {
		exactlyOne := fmt.Sprintf("Exactly one of these attributes must be configured: [%s]", strings.Join(append([]string{"sid", s.nameField}, s.otherNames...), ","))
		badSid := fmt.Sprintf("Attribute sid must be %s followed by 32 hexadecimal digits", s.sidPrefix)
		step := func(want []string, args ...hclArg) resource.TestStep {
			return resource.TestStep{Config: providerBlock(emu) + s.block(args...), PlanOnly: true, ExpectError: errorPattern(want...)}
		}
		accTest(t,
			step([]string{"Invalid Attribute Combination", exactlyOne}, str("sid", s.sidOf(1)), str(s.nameField, "alpha")),
			step([]string{"Missing Attribute Configuration", exactlyOne}),
			step([]string{badSid}, str("sid", s.sidPrefix+"123")),
			step([]string{badSid}, str("sid", "ZZ"+s.sidOf(1)[2:])),
			step([]string{s.emptyNameError}, str(s.nameField, "")),
		)
		expectReads(t, emu, false)
	}, "alpha")
}

func TestAccLookup_aFetchFaultIsRetried(t *testing.T) {
	conformance(t, func(t *testing.T, s lookupSource, emu *emulator.Server) {
		emu.InjectRouteFaults(s.fetchRoute, emulator.Fault{Status: 503})
		accTest(t, resource.TestStep{
			Config:            providerBlock(emu) + s.block(str("sid", s.sidOf(1))),
			ConfigStateChecks: []statecheck.StateCheck{expectAttr(s.addr(), s.nameField, knownvalue.StringExact("alpha"))},
		})
		fetched := fmt.Sprintf("200 %s", s.fetchRoute)
		got := routesSeen(emu)
		if len(got) < 2 || got[0] != fmt.Sprintf("503 %s", s.fetchRoute) || got[1] != fetched {
			t.Fatalf("emulator saw %s, want a 503 retried", strings.Join(got, "; "))
		}
		expectReadsOf(t, got[2:], false, fetched)
	}, "alpha")
}

func TestAccLookup_aNameLookupFaultIsRetried(t *testing.T) {
	conformance(t, func(t *testing.T, s lookupSource, emu *emulator.Server) {
		emu.InjectRouteFaults(s.nameRoute(), emulator.Fault{Status: 429, Header: map[string]string{"Retry-After": "0"}})
		accTest(t, resource.TestStep{
			Config:            providerBlock(emu) + s.block(str(s.nameField, "alpha")),
			ConfigStateChecks: []statecheck.StateCheck{expectAttr(s.addr(), "sid", knownvalue.StringExact(s.sidOf(1)))},
		})
		if got := routesSeen(emu); len(got) < 2 || got[0] != fmt.Sprintf("429 %s", s.nameRoute()) || got[1] != fmt.Sprintf("200 %s", s.nameRoute()) {
			t.Fatalf("emulator saw %s, want a 429 retried", strings.Join(got, "; "))
		}
	}, "alpha")
}

func TestAccLookup_aDifferentObjectIsRefused(t *testing.T) {
	conformance(t, func(t *testing.T, s lookupSource, emu *emulator.Server) {
		// A proxy or a misrouted request answering for another object.
		emu.InjectRouteFaults(s.fetchRoute, emulator.Fault{Status: 200, Body: fmt.Sprintf(`{"sid": %q, %q: "alpha"}`, s.sidOf(1), s.nameField)})
		accTest(t, resource.TestStep{
			Config: providerBlock(emu) + s.block(str("sid", s.sidOf(2))),
			ExpectError: errorPattern("Twilio returned a different "+s.resource,
				fmt.Sprintf("Asked for the %s with sid %q, but Twilio returned one whose sid is %q", s.resource, s.sidOf(2), s.sidOf(1)),
				"Nothing was written to state."),
		})
	}, "alpha", "beta")
}

// Every lookup of the provider is in the suite: a lookup added without its
// row fails here.
func TestLookupConformance_coversEveryLookup(t *testing.T) {
	inSuite := map[string]bool{}
	for _, s := range lookupSources {
		inSuite[s.typ] = true
	}
	for _, typ := range lookupTypes(t) {
		if !inSuite[typ] {
			t.Errorf("%s looks up by sid or by name but is not in lookupSources", typ)
		}
	}
}

// lookupTypes are the data sources whose schema has an optional sid, the
// mark of a lookup by sid or by name.
func lookupTypes(t *testing.T) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	for _, factory := range New("test")().DataSources(ctx) {
		ds := factory()
		var meta datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "twilio"}, &meta)
		var resp datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if sid, ok := resp.Schema.Attributes["sid"]; ok && sid.IsOptional() {
			out = append(out, meta.TypeName)
		}
	}
	if len(out) == 0 {
		t.Fatal("no data source looks up by sid: the test no longer sees them")
	}
	return out
}
