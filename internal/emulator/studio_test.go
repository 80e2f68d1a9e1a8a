package emulator

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// Twilio's list of flows answers the fields only a fetch answers null, so
// a flow found by name in the list is fetched for its definition.
func TestStudio_listLeavesOutWhatOnlyAFetchAnswers(t *testing.T) {
	s, _ := startFlex(t)
	voice := FlexSeedSid(acct, "FW", "Voice IVR")
	fetched := decode(t, get(t, s.StudioURL()+"/v2/Flows/"+voice).body)
	def, _ := fetched["definition"].(map[string]any)
	if fetched["friendly_name"] != "Voice IVR" || def["initial_state"] != "Trigger" || fetched["valid"] != true ||
		fetched["errors"] == nil || fetched["commit_message"] == nil || fetched["url"] != s.StudioURL()+"/v2/Flows/"+voice {
		t.Fatalf("fetched %v", fetched)
	}
	list := getPage(t, s.StudioURL()+"/v2/Flows", "flows")
	var names []string
	for _, f := range list.items {
		names = append(names, str(f["friendly_name"]))
	}
	if !reflect.DeepEqual(names, []string{"Voice IVR", "Messaging Flow", "Flex Messaging Channel Flow", "Flex Web Channel Flow"}) {
		t.Fatalf("flows %v", names)
	}
	listed := list.items[0]
	for k, v := range fetched {
		want := v
		if strings.Contains(" definition commit_message valid errors warnings ", " "+k+" ") {
			want = nil
		}
		if got, ok := listed[k]; !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("listed %s = %v, want %v", k, got, want)
		}
	}
	if len(listed) != len(fetched) {
		t.Errorf("listed %d fields, fetched %d", len(listed), len(fetched))
	}
}

// The Voice IVR calls the dev environment's function and hands the call to
// the Flex configuration's workflow: what a Flex team's Terraform wires.
func TestStudio_seedWiresServerlessAndTheWorkflow(t *testing.T) {
	s, _ := startFlex(t)
	body := get(t, s.StudioURL()+"/v2/Flows/"+FlexSeedSid(acct, "FW", "Voice IVR")).body
	flex := decode(t, get(t, s.FlexURL()+"/v1/Configuration").body)
	for _, want := range []string{"https://default-1234-dev.twil.io/hello", FlexSeedSid(acct, "ZE", "dev"), FlexSeedSid(acct, "ZH", "/hello"),
		str(flex["taskrouter_target_workflow_sid"])} {
		if !strings.Contains(body, `"`+want+`"`) {
			t.Errorf("the Voice IVR does not name %s: %s", want, body)
		}
	}
}

// With the TaskRouter seed on too, every task channel and workflow a Send
// to Flex widget names is one TaskRouter serves in Flex's workspace, so a
// chain from the workflow to the flows that send to it holds together.
func TestStudio_sendToFlexNamesSeededTaskRouterObjects(t *testing.T) {
	s, _ := startFlex(t)
	s.SeedFlexTaskRouter()
	flex := decode(t, get(t, s.FlexURL()+"/v1/Configuration").body)
	ws := s.TaskRouterURL() + "/v1/Workspaces/" + str(flex["taskrouter_workspace_sid"])
	flows := getPage(t, s.StudioURL()+"/v2/Flows", "flows").items
	widgets := 0
	for _, f := range flows {
		fetched := decode(t, get(t, s.StudioURL()+"/v2/Flows/"+str(f["sid"])).body)
		def, _ := fetched["definition"].(map[string]any)
		states, _ := def["states"].([]any)
		for _, st := range states {
			w, _ := st.(map[string]any)
			if w["type"] != "send-to-flex" {
				continue
			}
			widgets++
			props, _ := w["properties"].(map[string]any)
			if r := get(t, ws+"/Workflows/"+str(props["workflow"])); r.status != 200 {
				t.Errorf("%s: workflow %v: %d", f["friendly_name"], props["workflow"], r.status)
			}
			if r := get(t, ws+"/TaskChannels/"+str(props["channel"])); r.status != 200 {
				t.Errorf("%s: task channel %v: %d", f["friendly_name"], props["channel"], r.status)
			}
		}
	}
	if widgets != len(flows) {
		t.Errorf("%d Send to Flex widgets in %d flows", widgets, len(flows))
	}
}

func TestStudio_defaultDefinitionAndUnknownFlow(t *testing.T) {
	s, _ := start(t)
	sid := "FW" + strings.Repeat("0", 32)
	s.PutStudioFlow(NewStudioFlow(s.StudioURL(), acct, sid, "New", nil))
	def, _ := decode(t, get(t, s.StudioURL()+"/v2/Flows/"+sid).body)["definition"].(map[string]any)
	states, _ := def["states"].([]any)
	if len(states) != 1 {
		t.Fatalf("default definition %v", def)
	}
	if trigger, _ := states[0].(map[string]any); def["initial_state"] != "Trigger" || trigger["type"] != "trigger" {
		t.Errorf("default definition %v", def)
	}
	p := "/v2/Flows/FW" + strings.Repeat("1", 32)
	if r := get(t, s.StudioURL()+p); r.status != 404 || decode(t, r.body)["message"] != "The requested resource "+p+" was not found" {
		t.Errorf("unknown flow: %d %s", r.status, r.body)
	}
}

// A definition of a mebibyte is stored and fetched whole, and a page of
// such flows stays small: the list leaves definitions out.
func TestStudio_aMebibyteDefinition(t *testing.T) {
	s, _ := start(t)
	big := map[string]any{"initial_state": "Trigger", "padding": strings.Repeat("x", 1<<20)}
	for i := range 3 {
		s.PutStudioFlow(NewStudioFlow(s.StudioURL(), acct, fmt.Sprintf("FW%032d", i), fmt.Sprintf("big %d", i), big))
	}
	r := get(t, s.StudioURL()+"/v2/Flows/"+fmt.Sprintf("FW%032d", 1))
	var flow struct {
		Definition map[string]any `json:"definition"`
	}
	if err := json.Unmarshal([]byte(r.body), &flow); err != nil || r.status != 200 || len(r.body) < 1<<20 || flow.Definition["padding"] != big["padding"] {
		t.Fatalf("fetch: %d, %d bytes (%v)", r.status, len(r.body), err)
	}
	list := get(t, s.StudioURL()+"/v2/Flows")
	if list.status != 200 || len(list.body) > 8<<10 {
		t.Errorf("list: %d, %d bytes", list.status, len(list.body))
	}
}

func TestFlexFlows_seedFetchListAndFilter(t *testing.T) {
	s, _ := startFlex(t)
	web := FlexSeedSid(acct, "FO", "Flex Web Channel Flow")
	got := decode(t, get(t, s.FlexURL()+"/v1/FlexFlows/"+web).body)
	integration, _ := got["integration"].(map[string]any)
	if got["friendly_name"] != "Flex Web Channel Flow" || got["channel_type"] != "web" || got["chat_service_sid"] != svc ||
		got["integration_type"] != "studio" || integration["flow_sid"] != FlexSeedSid(acct, "FW", "Flex Web Channel Flow") ||
		got["contact_identity"] != nil || got["url"] != s.FlexURL()+"/v1/FlexFlows/"+web {
		t.Errorf("web flex flow %v", got)
	}
	all := getPage(t, s.FlexURL()+"/v1/FlexFlows", "flex_flows")
	if len(all.items) != 2 || all.meta["key"] != "flex_flows" || all.meta["url"] != s.FlexURL()+"/v1/FlexFlows?PageSize=50&Page=0" {
		t.Errorf("flex flows %v %v", all.items, all.meta)
	}
	p := "/v1/FlexFlows/FO" + strings.Repeat("0", 32)
	if r := get(t, s.FlexURL()+p); r.status != 404 || decode(t, r.body)["message"] != "The requested resource "+p+" was not found" {
		t.Errorf("unknown flex flow: %d %s", r.status, r.body)
	}

	// FriendlyName is matched exactly, and kept in the page links.
	for i := range 3 {
		s.PutFlexFlow(NewFlexFlow(s.FlexURL(), acct, fmt.Sprintf("FO%032d", i), "Flex Web Channel Flow", svc, "web", ""))
	}
	s.SetMaxPageSize(2)
	var sids []string
	next := s.FlexURL() + "/v1/FlexFlows?FriendlyName=Flex+Web+Channel+Flow"
	for next != "" {
		page := getPage(t, next, "flex_flows")
		for _, f := range page.items {
			sids = append(sids, str(f["sid"]))
		}
		next = str(page.meta["next_page_url"])
		if next != "" && !strings.HasPrefix(next, s.FlexURL()+"/v1/FlexFlows?FriendlyName=Flex+Web+Channel+Flow&PageSize=2&Page=") {
			t.Fatalf("next_page_url %q", next)
		}
	}
	if len(sids) != 4 || sids[0] != web {
		t.Errorf("filtered %v", sids)
	}
	if p := getPage(t, s.FlexURL()+"/v1/FlexFlows?FriendlyName=flex+web+channel+flow", "flex_flows"); len(p.items) != 0 {
		t.Errorf("another case matched: %v", p.items)
	}
}

// Without a stored Flex configuration or a default service, the Flex
// Flows are on the chat service the generated configuration names.
func TestFlexFlows_seedOnTheFlexConfigurationsChatService(t *testing.T) {
	s, _ := start(t)
	stored := "IS" + strings.Repeat("5", 32)
	s.SetFlexConfiguration(NewFlexConfiguration(s.FlexURL(), acct, stored))
	s.SeedFlexStudio()
	p := getPage(t, s.FlexURL()+"/v1/FlexFlows", "flex_flows")
	if p.items[0]["chat_service_sid"] != stored {
		t.Errorf("with a stored configuration: %v", p.items[0])
	}
	s2, _ := start(t)
	s2.SeedFlexStudio()
	flex := decode(t, get(t, s2.FlexURL()+"/v1/Configuration").body)
	if p := getPage(t, s2.FlexURL()+"/v1/FlexFlows", "flex_flows"); p.items[0]["chat_service_sid"] != flex["chat_service_instance_sid"] {
		t.Errorf("without: %v, configuration's %v", p.items[0], flex["chat_service_instance_sid"])
	}
}
