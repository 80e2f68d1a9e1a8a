package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/contract"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/conversations"
)

// The Conversations contract tests run the provider against a second Prism
// serving Twilio's twilio_conversations_v1.json (`make contract` starts it
// and sets TWILIO_CONTRACT_CONVERSATIONS_ENDPOINT): every attribute in state
// must be the spec's own example, field by field.

// contractConversationsEndpoint is that Prism's base URL. A missing spec
// fails the test; without Prism (outside `make contract`) the test skips,
// saying so.
func contractConversationsEndpoint(t *testing.T) string {
	t.Helper()
	return prismEndpoint(t, contract.ConversationsV1, "TWILIO_CONTRACT_CONVERSATIONS_ENDPOINT")
}

// fetchExample is the "fetch" example of the 200 answer to GET path in
// Twilio's spec (e.g. contract.ConversationsV1): the body Prism serves for
// it.
func fetchExample(t *testing.T, specName, path string) map[string]any {
	t.Helper()
	return specExample(t, specName, path, "fetch")
}

// specExample is the example named name of the 200 answer to GET path in
// Twilio's spec file specName.
func specExample(t *testing.T, specName, path, name string) map[string]any {
	t.Helper()
	file, err := contract.SpecFile(specName)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Paths map[string]struct {
			Get *struct {
				Responses map[string]struct {
					Content map[string]struct {
						Examples map[string]struct {
							Value map[string]any `json:"value"`
						} `json:"examples"`
					} `json:"content"`
				} `json:"responses"`
			} `json:"get"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	op := spec.Paths[path].Get
	if op == nil {
		t.Fatalf("%s has no GET %s", file, path)
	}
	example := op.Responses["200"].Content["application/json"].Examples[name].Value
	if example == nil {
		t.Fatalf(`%s: GET %s documents no 200 answer with a %q example`, file, path, name)
	}
	return example
}

// exampleStateChecks puts each field of example in state at addr, as it is:
// strings exact, booleans, nulls null, objects of strings as maps. Every
// attribute of the data source but timeouts must be one of the example's
// fields, and every field an attribute.
func exampleStateChecks(t *testing.T, ds datasource.DataSource, addr string, example map[string]any) []statecheck.StateCheck {
	t.Helper()
	var resp datasource.SchemaResponse
	ds.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	for name := range resp.Schema.Attributes {
		if _, ok := example[name]; !ok && name != "timeouts" {
			t.Errorf("%s: the attribute %q is not in the spec's example", addr, name)
		}
	}
	names := make([]string, 0, len(example))
	for name := range example {
		names = append(names, name)
		if _, ok := resp.Schema.Attributes[name]; !ok {
			t.Errorf("%s: the spec's example has %q, which the data source has no attribute for", addr, name)
		}
	}
	sort.Strings(names)
	var checks []statecheck.StateCheck
	for _, name := range names {
		want := exampleValue(t, name, example[name])
		// Untyped objects are JSON strings in state, as Prism encoded them
		// (a JSON string field, like a user's attributes, stays a string).
		if a, ok := resp.Schema.Attributes[name].(schema.StringAttribute); ok && a.CustomType == (jsontypes.NormalizedType{}) {
			if _, isString := example[name].(string); !isString && example[name] != nil {
				want = jsonEqual(example[name])
			}
		}
		checks = append(checks, expectAttr(addr, name, want))
	}
	return checks
}

// jsonEqual checks that a string is JSON equal to want, whatever its
// spacing and key order.
func jsonEqual(want any) knownvalue.Check { return jsonEqualCheck{want} }

type jsonEqualCheck struct{ want any }

func (j jsonEqualCheck) String() string {
	b, _ := json.Marshal(j.want)
	return string(b)
}

func (j jsonEqualCheck) CheckValue(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("expected a JSON string, got %T", v)
	}
	var got any
	if err := json.Unmarshal([]byte(s), &got); err != nil {
		return fmt.Errorf("%q is not JSON: %v", s, err)
	}
	if !reflect.DeepEqual(got, j.want) {
		return fmt.Errorf("JSON %s, want %s", s, j)
	}
	return nil
}

func exampleValue(t *testing.T, name string, v any) knownvalue.Check {
	t.Helper()
	switch v := v.(type) {
	case nil:
		return knownvalue.Null()
	case string:
		return knownvalue.StringExact(v)
	case bool:
		return knownvalue.Bool(v)
	case float64:
		if v == float64(int64(v)) {
			return knownvalue.Int64Exact(int64(v))
		}
	case []any:
		l := make([]knownvalue.Check, len(v))
		for i, e := range v {
			l[i] = exampleValue(t, fmt.Sprintf("%s[%d]", name, i), e)
		}
		return knownvalue.ListExact(l)
	case map[string]any:
		m := map[string]knownvalue.Check{}
		for k, e := range v {
			m[k] = exampleValue(t, name+"."+k, e)
		}
		return knownvalue.MapExact(m)
	}
	t.Fatalf("the spec's example has %q = %#v, which these checks do not handle", name, v)
	return nil
}

func contractConversationsProviderBlock(p *recordingProxy) string {
	return `
provider "twilio" {
  account_sid = "` + exampleAccountSid + `"
  auth_token  = "contract-test-token"
  endpoints   = { chat = "` + p.URL + `", conversations = "` + p.URL + `" }
}
`
}

func TestAccContract_conversationsUsersEqualTheSpecExamples(t *testing.T) {
	endpoint := contractConversationsEndpoint(t)
	onDefault := fetchExample(t, contract.ConversationsV1, "/v1/Users/{Sid}")
	scoped := fetchExample(t, contract.ConversationsV1, "/v1/Services/{ChatServiceSid}/Users/{Sid}")
	identity, _ := scoped["identity"].(string)
	if identity == "" || onDefault["identity"] != identity || scoped["sid"] != exampleUserSid || onDefault["sid"] != exampleUserSid ||
		scoped["chat_service_sid"] != exampleServiceSid {
		t.Fatalf("the spec's examples changed: identity %v/%v, sid %v/%v, chat_service_sid %v", onDefault["identity"], scoped["identity"],
			onDefault["sid"], scoped["sid"], scoped["chat_service_sid"])
	}
	var checks []statecheck.StateCheck
	for _, name := range []string{"default_by_identity", "default_by_sid"} {
		checks = append(checks, exampleStateChecks(t, conversations.NewUserDataSource(), "data.twilio_conversations_user."+name, onDefault)...)
	}
	for _, name := range []string{"scoped_by_identity", "scoped_by_sid"} {
		checks = append(checks, exampleStateChecks(t, conversations.NewUserDataSource(), "data.twilio_conversations_user."+name, scoped)...)
	}

	proxy := startRecordingProxy(t, endpoint)
	accTest(t, resource.TestStep{
		Config: contractConversationsProviderBlock(proxy) +
			testAccConversationsUserConfig("default_by_identity", defaultService, "identity", identity) +
			testAccConversationsUserConfig("default_by_sid", defaultService, "sid", exampleUserSid) +
			testAccConversationsUserConfig("scoped_by_identity", exampleServiceSid, "identity", identity) +
			testAccConversationsUserConfig("scoped_by_sid", exampleServiceSid, "sid", exampleUserSid),
		ConfigStateChecks: checks,
	})
	expectPrismSaw(t, proxy,
		"/v1/Users/"+identity, "/v1/Users/"+exampleUserSid,
		"/v1/Services/"+exampleServiceSid+"/Users/"+identity, "/v1/Services/"+exampleServiceSid+"/Users/"+exampleUserSid)
}

func TestAccContract_conversationsConfigurationsEqualTheSpecExamples(t *testing.T) {
	endpoint := contractConversationsEndpoint(t)
	account := fetchExample(t, contract.ConversationsV1, "/v1/Configuration")
	service := fetchExample(t, contract.ConversationsV1, "/v1/Services/{ChatServiceSid}/Configuration")
	if service["chat_service_sid"] != exampleServiceSid {
		t.Fatalf("the spec's example changed: chat_service_sid %v", service["chat_service_sid"])
	}
	checks := exampleStateChecks(t, conversations.NewConfigurationDataSource(), "data.twilio_conversations_configuration.account", account)
	checks = append(checks, exampleStateChecks(t, conversations.NewServiceConfigurationDataSource(), "data.twilio_conversations_service_configuration.service", service)...)

	proxy := startRecordingProxy(t, endpoint)
	accTest(t, resource.TestStep{
		Config: contractConversationsProviderBlock(proxy) +
			dataBlock("twilio_conversations_configuration", "account") +
			dataBlock("twilio_conversations_service_configuration", "service", str("chat_service_sid", exampleServiceSid)),
		ConfigStateChecks: checks,
	})
	expectPrismSaw(t, proxy, "/v1/Configuration", "/v1/Services/"+exampleServiceSid+"/Configuration")
}

func TestAccContract_conversationsBadServiceSidIsRefusedBeforePrism(t *testing.T) {
	endpoint := contractConversationsEndpoint(t)
	const badService = "IS123"
	for _, path := range []string{"/v1/Services/" + badService + "/Users/admin", "/v1/Services/" + badService + "/Configuration"} {
		if status := directGet(t, endpoint, path, true); status != http.StatusUnprocessableEntity {
			t.Fatalf("Prism answered GET %s with %d, want 422: the spec's pattern is what this test relies on", path, status)
		}
	}
	proxy := startRecordingProxy(t, endpoint)
	step := func(config string) resource.TestStep {
		return resource.TestStep{
			Config:      contractConversationsProviderBlock(proxy) + config,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Attribute chat_service_sid must be IS followed by 32\s+hexadecimal\s+digits`),
		}
	}
	accTest(t,
		step(testAccConversationsUserConfig("bad", badService, "identity", "admin")),
		step(dataBlock("twilio_conversations_service_configuration", "bad", str("chat_service_sid", badService))),
	)
	if seen := proxy.requests(); len(seen) != 0 {
		t.Errorf("a malformed chat_service_sid reached Prism: %v", seen)
	}
}
