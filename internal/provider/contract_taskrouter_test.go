package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/contract"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/taskrouter"
)

// The TaskRouter contract tests run against a Prism serving Twilio's
// twilio_taskrouter_v1.json (`make contract` sets
// TWILIO_CONTRACT_TASKROUTER_ENDPOINT): by sid, every attribute in state is
// the spec's fetch example; by name, the list example (readFull) holds the
// one object found.

const exampleWorkspaceSid = "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

func taskrouterContractProviderBlock(p *recordingProxy) string {
	return `
provider "twilio" {
  account_sid = "` + exampleAccountSid + `"
  auth_token  = "contract-test-token"
  endpoints   = { taskrouter = "` + p.URL + `" }
}
`
}

func TestAccContract_taskrouterEqualsTheSpecExamples(t *testing.T) {
	endpoint := prismEndpoint(t, contract.TaskRouterV1, "TWILIO_CONTRACT_TASKROUTER_ENDPOINT")
	for _, tc := range []struct {
		typ, path, example, nameField, name string
		scoped                              bool
		ds                                  datasource.DataSource
	}{
		{"twilio_taskrouter_workspace", "/v1/Workspaces/{Sid}", "fetch", "friendly_name", "new", false, taskrouter.NewWorkspaceDataSource()},
		{"twilio_taskrouter_activity", "/v1/Workspaces/{WorkspaceSid}/Activities/{Sid}", "fetch", "friendly_name", "New Activity", true, taskrouter.NewActivityDataSource()},
		{"twilio_taskrouter_task_channel", "/v1/Workspaces/{WorkspaceSid}/TaskChannels/{Sid}", "fetchSid", "unique_name", "default", true, taskrouter.NewTaskChannelDataSource()},
		{"twilio_taskrouter_task_queue", "/v1/Workspaces/{WorkspaceSid}/TaskQueues/{Sid}", "fetch", "friendly_name", "81f96435-3a05-11e5-9f81-98e0d9a1eb73", true, taskrouter.NewTaskQueueDataSource()},
	} {
		t.Run(tc.typ, func(t *testing.T) {
			example := specExample(t, contract.TaskRouterV1, tc.path, tc.example)
			sid, _ := example["sid"].(string)
			var scope []hclArg
			if tc.scoped {
				scope = []hclArg{str("workspace_sid", exampleWorkspaceSid)}
			}
			addr := "data." + tc.typ + ".x"
			proxy := startRecordingProxy(t, endpoint)
			accTest(t,
				resource.TestStep{
					Config:            taskrouterContractProviderBlock(proxy) + dataBlock(tc.typ, "x", append(scope, str("sid", sid))...),
					ConfigStateChecks: exampleStateChecks(t, tc.ds, addr, example),
				},
				resource.TestStep{
					Config:            taskrouterContractProviderBlock(proxy) + dataBlock(tc.typ, "x", append(scope, str(tc.nameField, tc.name))...),
					ConfigStateChecks: []statecheck.StateCheck{expectAttr(addr, "sid", knownvalue.StringExact(sid))},
				})
		})
	}
}

// Twilio's description says a workflow's configuration is "a JSON string",
// but its own example is YAML: the provider refuses to put what is not
// JSON in state as JSON, naming the attribute, rather than pass it on.
// (Twilio itself answers JSON: it refuses a configuration that is not.)
func TestAccContract_taskrouterWorkflowExampleIsNotJSON(t *testing.T) {
	endpoint := prismEndpoint(t, contract.TaskRouterV1, "TWILIO_CONTRACT_TASKROUTER_ENDPOINT")
	example := specExample(t, contract.TaskRouterV1, "/v1/Workspaces/{WorkspaceSid}/Workflows/{Sid}", "fetch")
	if configuration, _ := example["configuration"].(string); configuration == "" || configuration[0] == '{' {
		t.Fatalf("the spec's example changed: configuration %q", configuration)
	}
	proxy := startRecordingProxy(t, endpoint)
	accTest(t, resource.TestStep{
		Config: taskrouterContractProviderBlock(proxy) + dataBlock("twilio_taskrouter_workflow", "x",
			str("workspace_sid", exampleWorkspaceSid), str("sid", "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")),
		ExpectError: errorPattern("Unexpected configuration from Twilio", "Twilio returned a configuration that is not JSON", `"task-routing:`),
	})
	expectPrismSaw(t, proxy, "/v1/Workspaces/"+exampleWorkspaceSid+"/Workflows/WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
}
