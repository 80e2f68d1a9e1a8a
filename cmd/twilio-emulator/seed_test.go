package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

const (
	rl  = "RL0123456789abcdef0123456789abcdef"
	rl2 = "RL11111111111111111111111111111111"
)

func writeSeed(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// seeded serves the seed at path through the same steps as run, and
// returns a GET on it.
func seeded(t *testing.T, path string) (string, func(p string) (int, map[string]any)) {
	t.Helper()
	seed, err := readSeed(path)
	if err != nil {
		t.Fatal(err)
	}
	srv := emulator.New(emulator.Credentials{AccountSid: acct, AuthToken: "t"})
	base, err := srv.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	seed.apply(srv, base, acct)
	return base, func(p string) (int, map[string]any) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, base+p, nil)
		req.SetBasicAuth(acct, "t")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %s: %v", p, raw, err)
		}
		return resp.StatusCode, m
	}
}

func TestSeed_servicesWithUsersRolesAndConfiguration(t *testing.T) {
	path := writeSeed(t, `{
  "account": {"default_chat_service_sid": "`+svc+`", "default_closed_timer": null},
  "flex": {"ui_version": "2.1.0", "markdown": null, "taskrouter_skills": [{"name": "billing"}]},
  "services": {
    "`+svc+`": {
      "users": [{"sid": "`+us+`", "identity": "jing", "role_sid": "`+rl+`", "links": null}],
      "roles": [
        {"sid": "`+rl+`", "friendly_name": "admin", "type": "deployment"},
        {"sid": "`+rl2+`", "friendly_name": "member", "type": "channel", "permissions": ["sendMessage"], "date_created": null}
      ],
      "configuration": {"reachability_enabled": true, "default_conversation_role_sid": null}
    }
  }
}`)
	base, get := seeded(t, path)

	if st, u := get("/v1/Users/jing"); st != 200 || u["chat_service_sid"] != svc || u["account_sid"] != acct ||
		u["url"] != base+"/v1/Users/"+us || u["links"] != nil || u["role_sid"] != rl {
		t.Errorf("conversations user: %d %v", st, u)
	}
	st, admin := get("/v2/Services/" + svc + "/Roles/" + rl)
	want := emulator.NewRole(base, acct, svc, rl, "admin", "deployment", nil)
	wantJSON, _ := json.Marshal(want)
	var wantMap map[string]any
	_ = json.Unmarshal(wantJSON, &wantMap)
	if st != 200 || !reflect.DeepEqual(admin, wantMap) {
		t.Errorf("filled role: %d %v\nwant %v", st, admin, wantMap)
	}
	if st, m := get("/v1/Roles/" + rl2); st != 200 || m["type"] != "conversation" || m["date_created"] != nil ||
		!reflect.DeepEqual(m["permissions"], []any{"sendMessage"}) || m["date_updated"] != "2016-03-03T19:47:15Z" {
		t.Errorf("role as given: %d %v", st, m)
	}
	st, list := get("/v2/Services/" + svc + "/Roles")
	if roles, _ := list["roles"].([]any); st != 200 || len(roles) != 2 {
		t.Errorf("roles list: %d %v", st, list)
	}
	cfgURL := base + "/v1/Services/" + svc + "/Configuration"
	if st, c := get("/v1/Services/" + svc + "/Configuration"); st != 200 || c["reachability_enabled"] != true || c["default_conversation_role_sid"] != nil ||
		c["chat_service_sid"] != svc || c["url"] != cfgURL || c["default_chat_service_role_sid"] == nil {
		t.Errorf("service configuration: %d %v", st, c)
	}
	if st, a := get("/v1/Configuration"); st != 200 || a["default_chat_service_sid"] != svc || a["default_closed_timer"] != nil ||
		a["account_sid"] != acct || a["default_inactive_timer"] != "PT1M" || a["url"] != base+"/v1/Configuration" {
		t.Errorf("account configuration: %d %v", st, a)
	}
	if st, f := get(emulator.FlexBasePath + "/v1/Configuration"); st != 200 || f["ui_version"] != "2.1.0" || f["markdown"] != nil ||
		!reflect.DeepEqual(f["taskrouter_skills"], []any{map[string]any{"name": "billing"}}) ||
		f["flex_service_instance_sid"] != svc || f["account_sid"] != acct || f["url"] != base+"/flex/v1/Configuration" || len(f) != 49 {
		t.Errorf("flex configuration: %d %v", st, f)
	}
}

func TestSeed_servicesAreListedAndFetchedByTheirKey(t *testing.T) {
	path := writeSeed(t, `{"services": {
  "`+svc+`": {"service": {"friendly_name": "Flex Chat Service", "limits": null, "webhook_filters": []}},
  "`+svc2+`": {}
}}`)
	base, get := seeded(t, path)
	st, s := get("/v2/Services/" + svc)
	if filters, ok := s["webhook_filters"].([]any); st != 200 || s["sid"] != svc || s["friendly_name"] != "Flex Chat Service" || s["limits"] != nil || !ok || len(filters) != 0 ||
		s["account_sid"] != acct || s["url"] != base+"/v2/Services/"+svc || s["media"] == nil {
		t.Errorf("chat service: %d %v", st, s)
	}
	if st, s := get("/v1/Services/" + svc2); st != 200 || s["sid"] != svc2 || s["friendly_name"] != nil || s["url"] != base+"/v1/Services/"+svc2 {
		t.Errorf("a service without a service object: %d %v", st, s)
	}
	if st, l := get("/v1/Services"); st != 200 || len(asList(l["services"])) != 2 {
		t.Errorf("services: %d %v", st, l)
	}
}

func TestSeed_olderFormStillRead(t *testing.T) {
	path := writeSeed(t, `{"services": {"`+svc+`": [{"sid": "`+us+`", "identity": "jing"}]}}`)
	base, get := seeded(t, path)
	if st, u := get("/v2/Services/" + svc + "/Users/jing"); st != 200 || u["url"] != base+"/v2/Services/"+svc+"/Users/"+us || u["service_sid"] != svc {
		t.Errorf("%d %v", st, u)
	}
	// No account configuration: no default service.
	if st, _ := get("/v1/Users/jing"); st != 404 {
		t.Errorf("/v1/Users without a default service: %d", st)
	}
}

func TestSeed_repositorySeedsAreValid(t *testing.T) {
	for _, p := range []string{"../../scripts/examples-seed.json", "../../examples/demo/seed.json"} {
		s, err := readSeed(p)
		if err != nil {
			t.Fatal(err)
		}
		def, _ := s.Account["default_chat_service_sid"].(string)
		if sv := s.Services[def]; len(sv.Users) == 0 || len(sv.Roles) == 0 {
			t.Errorf("%s: want a default service with users and roles", p)
		}
		// Every role a user names exists, so that the demo can wire them.
		for service, sv := range s.Services {
			roles := map[any]bool{}
			for _, r := range sv.Roles {
				roles[r["sid"]] = true
			}
			for _, u := range sv.Users {
				if !roles[u["role_sid"]] {
					t.Errorf("%s: user %v of %s has role %v, which the seed does not hold", p, u["identity"], service, u["role_sid"])
				}
			}
		}
	}
}

func TestSeed_errorsNameTheFileAndTheProblem(t *testing.T) {
	for body, want := range map[string]string{
		`{"services": {"IS123": []}}`:                                              `service sid "IS123" does not match`,
		`{"services": {"` + svc + `": {"users": [], "rolez": []}}}`:                `unknown field "rolez"`,
		`{"services": {"` + svc + `": {"roles": [{"type": "channel"}]}}}`:          `services.` + svc + `.roles[0]: sid <nil> does not match`,
		`{"services": {"` + svc + `": {"roles": [{"sid": "` + rl + `"}]}}}`:        `services.` + svc + `.roles[0]: type <nil> is neither "channel" nor "deployment"`,
		`{"account": {"default_chat_service_sid": "` + svc + `"}, "services": {}}`: `account.default_chat_service_sid "` + svc + `" is not one of the seed's services`,
		`{"services": {"` + svc + `": "users"}}`:                                   `cannot unmarshal string`,
		`{"services": {"` + svc + `": {"service": {"sid": "` + svc2 + `"}}}}`:      `services.` + svc + `.service: sid ` + svc2 + ` is not the service's key`,
		`{"flex": {"flex_service_instance_sid": "` + svc + `"}, "services": {}}`:   `flex.flex_service_instance_sid "` + svc + `" is not one of the seed's services`,
	} {
		path := writeSeed(t, body)
		_, err := readSeed(path)
		if err == nil || !strings.HasPrefix(err.Error(), "seed "+path+": ") || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", body, err, want)
		}
	}
	err := run(context.Background(), options{addr: "127.0.0.1:0", seed: writeSeed(t, `{"services": {"IS123": []}}`), creds: emulator.Credentials{AccountSid: acct, AuthToken: "t"}}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "IS123") {
		t.Errorf("run: %v", err)
	}
}

// asList is v when it is a JSON array, else nil.
func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// The switches seed what Flex makes, its Flex Flows on the seeded Flex
// configuration's chat service.
func TestSeed_flexServerlessAndStudio(t *testing.T) {
	path := writeSeed(t, `{"flex": {"chat_service_instance_sid": "`+svc2+`"}, "services": {"`+svc2+`": {}}, "flex_serverless": true, "flex_studio": true}`)
	base, get := seeded(t, path)
	zs := emulator.FlexSeedSid(acct, "ZS", "default")
	if st, sv := get("/serverless/v1/Services/default"); st != 200 || sv["sid"] != zs || sv["url"] != base+"/serverless/v1/Services/"+zs {
		t.Errorf("serverless service: %d %v", st, sv)
	}
	if st, env := get("/serverless/v1/Services/" + zs + "/Environments/" + emulator.FlexSeedSid(acct, "ZE", "dev")); st != 200 || env["domain_name"] != "default-1234-dev.twil.io" {
		t.Errorf("dev environment: %d %v", st, env)
	}
	if st, l := get("/studio/v2/Flows"); st != 200 || len(asList(l["flows"])) != 4 {
		t.Errorf("studio flows: %d %v", st, l)
	}
	if st, f := get("/flex/v1/FlexFlows/" + emulator.FlexSeedSid(acct, "FO", "Flex Web Channel Flow")); st != 200 || f["chat_service_sid"] != svc2 {
		t.Errorf("flex flow: %d %v", st, f)
	}
	if st, _ := get("/studio/v2/Flows/" + emulator.FlexSeedSid(acct, "FW", "Voice IVR")); st != 200 {
		t.Errorf("voice IVR: %d", st)
	}
	// Without the switches, none of it.
	_, get = seeded(t, writeSeed(t, `{}`))
	if st, l := get("/studio/v2/Flows"); st != 200 || len(asList(l["flows"])) != 0 {
		t.Errorf("unseeded studio flows: %d %v", st, l)
	}
}

// flex_taskrouter gives the TaskRouter objects a Flex account has, at the
// sids of the Flex configuration's chain, with links on the emulator.
func TestSeed_flexTaskRouter(t *testing.T) {
	base, get := seeded(t, writeSeed(t, `{"flex": {}, "flex_taskrouter": true}`))
	_, f := get(emulator.FlexBasePath + "/v1/Configuration")
	ws := emulator.TaskRouterBasePath + "/v1/Workspaces/" + str(f["taskrouter_workspace_sid"])
	if st, w := get(ws); st != 200 || w["friendly_name"] != "Flex Task Assignment" || w["url"] != base+ws || w["default_activity_sid"] != f["taskrouter_offline_activity_sid"] {
		t.Errorf("workspace: %d %v", st, w)
	}
	if st, q := get(ws + "/TaskQueues/" + str(f["taskrouter_target_taskqueue_sid"])); st != 200 || q["friendly_name"] != "Everyone" {
		t.Errorf("queue: %d %v", st, q)
	}
	if st, list := get(ws + "/TaskChannels"); st != 200 || len(asList(list["channels"])) != 5 {
		t.Errorf("channels: %d %v", st, list)
	}
	if st, _ := get(emulator.TaskRouterBasePath + "/v1/Workspaces"); st != 200 {
		t.Errorf("workspaces: %d", st)
	}
	_, noTaskRouter := seeded(t, writeSeed(t, `{"flex": {}}`))
	if st, list := noTaskRouter(emulator.TaskRouterBasePath + "/v1/Workspaces"); st != 200 || len(asList(list["workspaces"])) != 0 {
		t.Errorf("without flex_taskrouter: %d %v", st, list)
	}
}

// str is v when it is a JSON string, else "".
func str(v any) string {
	s, _ := v.(string)
	return s
}
