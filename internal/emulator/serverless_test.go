package emulator

import (
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// startFlex is an emulator holding the Flex-shaped seeds of Serverless,
// Studio and Flex Flows, on svc as the default Conversations service.
func startFlex(t *testing.T) (*Server, string) {
	t.Helper()
	s, base := start(t)
	s.SetDefaultService(svc)
	s.SeedFlexServerless()
	s.SeedFlexStudio()
	return s, base
}

// Each new route is recorded under its name, each product at its own base.
func TestFlexProducts_eachPathItsRoute(t *testing.T) {
	s, _ := startFlex(t)
	zs, ze, zh := FlexSeedSid(acct, "ZS", "default"), FlexSeedSid(acct, "ZE", "dev"), FlexSeedSid(acct, "ZH", "/hello")
	for u, want := range map[string]RouteName{
		s.ServerlessURL() + "/v1/Services/" + zs:                                          RouteServerlessService,
		s.ServerlessURL() + "/v1/Services/default":                                        RouteServerlessService,
		s.ServerlessURL() + "/v1/Services":                                                RouteServerlessServices,
		s.ServerlessURL() + "/v1/Services/" + zs + "/Environments/" + ze:                  RouteServerlessEnvironment,
		s.ServerlessURL() + "/v1/Services/" + zs + "/Environments":                        RouteServerlessEnvironments,
		s.ServerlessURL() + "/v1/Services/" + zs + "/Functions/" + zh:                     RouteServerlessFunction,
		s.ServerlessURL() + "/v1/Services/" + zs + "/Functions":                           RouteServerlessFunctions,
		s.StudioURL() + "/v2/Flows/" + FlexSeedSid(acct, "FW", "Voice IVR"):               RouteStudioFlow,
		s.StudioURL() + "/v2/Flows":                                                       RouteStudioFlows,
		s.FlexURL() + "/v1/FlexFlows/" + FlexSeedSid(acct, "FO", "Flex Web Channel Flow"): RouteFlexFlow,
		s.FlexURL() + "/v1/FlexFlows":                                                     RouteFlexFlows,
	} {
		s.Reset()
		if r := get(t, u); r.status != 200 || r.header.Get("Content-Type") != "application/json" {
			t.Errorf("%s: %d %s", u, r.status, r.body)
		}
		if got := s.Requests()[0].Route; got != want {
			t.Errorf("%s recorded as route %q, want %q", u, got, want)
		}
	}
}

func TestServerless_seedFetchedBySidAndUniqueName(t *testing.T) {
	s, base := startFlex(t)
	sv := s.ServerlessURL()
	if sv != base+ServerlessBasePath {
		t.Fatalf("ServerlessURL() = %q", sv)
	}
	zs := FlexSeedSid(acct, "ZS", "default")
	bySid := decode(t, get(t, sv+"/v1/Services/"+zs).body)
	if !reflect.DeepEqual(bySid, decode(t, get(t, sv+"/v1/Services/default").body)) {
		t.Errorf("by unique_name differs from by sid")
	}
	links, _ := bySid["links"].(map[string]any)
	if bySid["unique_name"] != "default" || bySid["friendly_name"] != "default" || bySid["domain_base"] != "default-1234" ||
		bySid["url"] != sv+"/v1/Services/"+zs || links["environments"] != sv+"/v1/Services/"+zs+"/Environments" {
		t.Errorf("service %v", bySid)
	}
	envs := getPage(t, sv+"/v1/Services/"+zs+"/Environments", "environments")
	if len(envs.items) != 2 || envs.meta["key"] != "environments" {
		t.Fatalf("environments %v", envs.items)
	}
	dev, prod := envs.items[0], envs.items[1]
	if dev["sid"] != FlexSeedSid(acct, "ZE", "dev") || dev["unique_name"] != "dev" || dev["domain_suffix"] != "dev" || dev["domain_name"] != "default-1234-dev.twil.io" {
		t.Errorf("dev %v", dev)
	}
	if v, ok := prod["domain_suffix"]; !ok || v != nil || prod["domain_name"] != "default-1234.twil.io" || prod["unique_name"] != "prod" {
		t.Errorf("prod %v", prod)
	}
	if got := decode(t, get(t, sv+"/v1/Services/"+zs+"/Environments/"+str(dev["sid"])).body); !reflect.DeepEqual(got, dev) {
		t.Errorf("fetched dev %v, listed %v", got, dev)
	}
	fns := getPage(t, sv+"/v1/Services/"+zs+"/Functions", "functions")
	var names []string
	for _, f := range fns.items {
		names = append(names, str(f["friendly_name"]))
	}
	if !reflect.DeepEqual(names, []string{"/hello", "/flex-token-validator", "/send-to-flex"}) || fns.items[0]["sid"] != FlexSeedSid(acct, "ZH", "/hello") {
		t.Errorf("functions %v", fns.items)
	}
}

// Twilio answers 404 for an object it does not have and for the children
// of a service it does not have, naming the path as its own host got it;
// a child's fetch takes the service's sid only.
func TestServerless_unknownObjectsAndParents(t *testing.T) {
	s, _ := startFlex(t)
	zs := FlexSeedSid(acct, "ZS", "default")
	for _, p := range []string{
		"/v1/Services/nobody",
		"/v1/Services/ZS00000000000000000000000000000000",
		"/v1/Services/" + zs + "/Environments/ZE00000000000000000000000000000000",
		"/v1/Services/" + zs + "/Functions/" + FlexSeedSid(acct, "ZE", "dev"),
		"/v1/Services/ZS00000000000000000000000000000000/Environments",
		"/v1/Services/ZS00000000000000000000000000000000/Functions/" + FlexSeedSid(acct, "ZH", "/hello"),
		"/v1/Services/default/Environments",
	} {
		r := get(t, s.ServerlessURL()+p)
		if m := decode(t, r.body); r.status != 404 || m["code"] != 20404.0 || m["message"] != "The requested resource "+p+" was not found" {
			t.Errorf("%s: %d %s", p, r.status, r.body)
		}
	}
	// A service's environments are served once the service is.
	other := "ZS" + strings.Repeat("1", 32)
	s.PutEnvironment(other, NewEnvironment(s.ServerlessURL(), acct, other, "ZE"+strings.Repeat("1", 32), "stage", "stage", "x-stage.twil.io"))
	if r := get(t, s.ServerlessURL()+"/v1/Services/"+other+"/Environments"); r.status != 404 {
		t.Errorf("environments of a service not stored: %d %s", r.status, r.body)
	}
	s.PutServerlessService(NewServerlessService(s.ServerlessURL(), acct, other, "x", "x"))
	if p := getPage(t, s.ServerlessURL()+"/v1/Services/"+other+"/Environments", "environments"); len(p.items) != 1 {
		t.Errorf("environments once the service is stored: %v", p.items)
	}
	if p := getPage(t, s.ServerlessURL()+"/v1/Services/"+other+"/Functions", "functions"); len(p.items) != 0 {
		t.Errorf("functions of a service with none: %v", p.items)
	}
}

func TestServerless_pagesAndLinks(t *testing.T) {
	s, _ := start(t)
	for i := range 5 {
		sid := fmt.Sprintf("ZS%032d", i)
		s.PutServerlessService(NewServerlessService(s.ServerlessURL(), acct, sid, fmt.Sprintf("svc-%d", i), fmt.Sprintf("service %d", i)))
	}
	first := getPage(t, s.ServerlessURL()+"/v1/Services?PageSize=2000", "services")
	if len(first.items) != 5 || first.meta["page_size"] != 1000.0 || first.meta["url"] != s.ServerlessURL()+"/v1/Services?PageSize=1000&Page=0" {
		t.Errorf("one page: %d items, meta %v", len(first.items), first.meta)
	}
	s.SetMaxPageSize(2)
	var got []string
	for next := s.ServerlessURL() + "/v1/Services"; next != ""; {
		p := getPage(t, next, "services")
		got = append(got, p.ids...)
		next = str(p.meta["next_page_url"])
		if next != "" && !strings.HasPrefix(next, s.ServerlessURL()+"/v1/Services?PageSize=2&Page=") {
			t.Fatalf("next_page_url %q", next)
		}
	}
	if !reflect.DeepEqual(got, []string{"service 0", "service 1", "service 2", "service 3", "service 4"}) {
		t.Errorf("paged %v", got)
	}
	s.SetLinkBase(APIServerless, "https://serverless.twilio.com")
	if p := getPage(t, s.ServerlessURL()+"/v1/Services", "services"); p.meta["next_page_url"] != "https://serverless.twilio.com/v1/Services?PageSize=2&Page=1&PageToken=PT2" {
		t.Errorf("with a link base: %v", p.meta)
	}
}

// A service put again with another sid and the same unique_name replaces
// it, as unique names are unique in an account.
func TestServerless_uniqueNameIsUnique(t *testing.T) {
	s, _ := start(t)
	a, b := "ZS"+strings.Repeat("a", 32), "ZS"+strings.Repeat("b", 32)
	s.PutServerlessService(NewServerlessService(s.ServerlessURL(), acct, a, "default", "first"))
	s.PutServerlessService(NewServerlessService(s.ServerlessURL(), acct, b, "default", "second"))
	if got := decode(t, get(t, s.ServerlessURL()+"/v1/Services/default").body); got["sid"] != b {
		t.Errorf("by unique_name: %v", got)
	}
	if p := getPage(t, s.ServerlessURL()+"/v1/Services", "services"); len(p.items) != 1 {
		t.Errorf("listed %v", p.ids)
	}
	if r := get(t, s.ServerlessURL()+"/v1/Services/"+url.PathEscape(a)); r.status != 404 {
		t.Errorf("replaced service: %d", r.status)
	}
}
