package emulator

import (
	"net/http"
	"net/url"
	"testing"
)

const (
	rlChannel = "RL0123456789abcdef0123456789abcdef"
	rlService = "RLfedcba9876543210fedcba9876543210"
	otherSvc  = "ISfedcba9876543210fedcba9876543210"
)

// startFamily serves one service holding one user and two roles, as the
// account's default Conversations service.
func startFamily(t *testing.T) (*Server, string) {
	t.Helper()
	s, base := start(t)
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
	s.PutRole(svc, NewRole(base, acct, svc, rlChannel, "channel user", "channel", nil))
	s.PutRole(svc, NewRole(base, acct, svc, rlService, "service admin", "deployment", []string{"createChannel", "destroyChannel"}))
	s.PutService(NewService(base, acct, svc, "Flex Chat Service"))
	s.SetDefaultService(svc)
	return s, base
}

func TestRoutes_eachPathItsRoute(t *testing.T) {
	s, base := startFamily(t)
	for path, want := range map[string]RouteName{
		"/v2/Services/" + svc + "/Users/jing":         RouteChatUser,
		"/v2/Services/" + svc + "/Users":              RouteChatUsers,
		"/v2/Services/" + svc + "/Roles/" + rlService: RouteChatRole,
		"/v2/Services/" + svc + "/Roles":              RouteChatRoles,
		"/v1/Services/" + svc + "/Users/" + usJing:    RouteConversationsUser,
		"/v1/Services/" + svc + "/Users":              RouteConversationsUsers,
		"/v1/Users/jing":                              RouteConversationsDefaultUser,
		"/v1/Users":                                   RouteConversationsDefaultUsers,
		"/v1/Services/" + svc + "/Roles/" + rlChannel: RouteConversationsRole,
		"/v1/Services/" + svc + "/Roles":              RouteConversationsRoles,
		"/v1/Roles/" + rlChannel:                      RouteConversationsDefaultRole,
		"/v1/Roles":                                   RouteConversationsDefaultRoles,
		"/v1/Services/" + svc + "/Configuration":      RouteConversationsServiceConfiguration,
		"/v1/Configuration":                           RouteConversationsConfiguration,
		"/v2/Services/" + svc:                         RouteChatService,
		"/v2/Services":                                RouteChatServices,
		"/v1/Services/" + svc:                         RouteConversationsService,
		"/v1/Services":                                RouteConversationsServices,
		FlexBasePath + "/v1/Configuration":            RouteFlexConfiguration,
	} {
		s.Reset()
		if r := get(t, base+path); r.status != 200 || r.header.Get("Content-Type") != "application/json" {
			t.Errorf("%s: %d %s", path, r.status, r.body)
		}
		if got := s.Requests()[0].Route; got != want {
			t.Errorf("%s recorded as route %q, want %q", path, got, want)
		}
	}
}

func TestRoutes_unknownPathsAndMethods(t *testing.T) {
	s, base := startFamily(t)
	for _, p := range []string{"/v2/Services/" + svc + "/Roles/", "/v1/Services/" + svc + "/Configuration/Webhooks", "/v1/Users/", "/v3/Users", "/v2/Users/jing", "/v1/Services/" + svc + "/Channels"} {
		s.Reset()
		if r := get(t, base+p); r.status != 404 || decode(t, r.body)["message"] != "The requested resource "+p+" was not found" {
			t.Errorf("%s: %d %s", p, r.status, r.body)
		}
		if got := s.Requests()[0].Route; got != "" {
			t.Errorf("%s recorded as route %q", p, got)
		}
	}
	r := do(t, http.DefaultClient, http.MethodDelete, base+"/v1/Roles/"+rlChannel, acct, token)
	if r.status != 405 || r.header.Get("Allow") != "GET" {
		t.Errorf("DELETE: %d Allow %q %s", r.status, r.header.Get("Allow"), r.body)
	}
}

func TestRoutes_unknownServiceUserAndRole(t *testing.T) {
	s, base := startFamily(t)
	const want403 = `{"code":20403,"message":"Service instance not found","more_info":"https://www.twilio.com/docs/errors/20403","status":403}`
	for _, p := range []string{
		"/v2/Services/" + otherSvc + "/Users/jing", "/v2/Services/" + otherSvc + "/Users",
		"/v2/Services/" + otherSvc + "/Roles/" + rlChannel, "/v2/Services/" + otherSvc + "/Roles",
		"/v1/Services/" + otherSvc + "/Users/jing", "/v1/Services/" + otherSvc + "/Users",
		"/v1/Services/" + otherSvc + "/Roles/" + rlChannel, "/v1/Services/" + otherSvc + "/Roles",
		"/v1/Services/" + otherSvc + "/Configuration",
	} {
		if r := get(t, base+p); r.status != 403 || r.body != want403 {
			t.Errorf("%s: %d %s", p, r.status, r.body)
		}
	}
	for _, p := range []string{
		"/v2/Services/" + svc + "/Users/nobody", "/v1/Services/" + svc + "/Users/nobody", "/v1/Users/nobody",
		// Roles are found by sid only.
		"/v2/Services/" + svc + "/Roles/" + url.PathEscape("channel user"), "/v1/Roles/" + url.PathEscape("channel user"),
		"/v2/Services/" + svc + "/Roles/" + usJing,
	} {
		want := `{"code":20404,"message":"The requested resource ` + p + ` was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}`
		if r := get(t, base+p); r.status != 404 || r.body != want {
			t.Errorf("%s: %d %s", p, r.status, r.body)
		}
	}

	// A default service that the emulator does not hold is as unknown.
	s.SetDefaultService(otherSvc)
	if r := get(t, base+"/v1/Users/jing"); r.status != 403 || r.body != want403 {
		t.Errorf("unknown default service: %d %s", r.status, r.body)
	}
	// Without a default service nothing lives under /v1/Users or /v1/Roles.
	s.SetDefaultService("")
	for _, p := range []string{"/v1/Users/jing", "/v1/Users", "/v1/Roles/" + rlChannel, "/v1/Roles"} {
		if r := get(t, base+p); r.status != 404 || decode(t, r.body)["code"] != 20404.0 {
			t.Errorf("no default service, %s: %d %s", p, r.status, r.body)
		}
	}
}

func TestRouteFaults_onlyTheirRoute(t *testing.T) {
	s, base := startFamily(t)
	user, role := userURL(base, svc, "jing"), base+"/v2/Services/"+svc+"/Roles/"+rlChannel
	s.InjectRouteFaults(RouteChatRole, Fault{Status: 503}, Fault{Status: 500})
	s.InjectFaults(Fault{Status: 429})
	// The route's own queue comes first, then the queue for any route.
	for i, c := range []struct {
		u    string
		want int
	}{{user, 429}, {user, 200}, {role, 503}, {role, 500}, {role, 200}} {
		if r := get(t, c.u); r.status != c.want {
			t.Errorf("request %d: %d, want %d", i, r.status, c.want)
		}
	}

	s.SetRouteFaultForever(RouteConversationsConfiguration, &Fault{Status: 502})
	s.SetFaultForever(&Fault{Status: 500})
	if r := get(t, base+"/v1/Configuration"); r.status != 502 {
		t.Errorf("route's standing fault: %d", r.status)
	}
	if r := get(t, role); r.status != 500 {
		t.Errorf("standing fault for any route: %d", r.status)
	}
	s.SetRouteFaultForever(RouteConversationsConfiguration, nil)
	if r := get(t, base+"/v1/Configuration"); r.status != 500 {
		t.Errorf("after removing the route's standing fault: %d", r.status)
	}
	s.InjectRouteFaults(RouteChatUser, Fault{Status: 503})
	s.Reset()
	for _, u := range []string{user, role, base + "/v1/Configuration"} {
		if r := get(t, u); r.status != 200 {
			t.Errorf("after Reset, %s: %d", u, r.status)
		}
	}
}

func TestRouteFaults_resetMidBodyOnAList(t *testing.T) {
	s, base := startFamily(t)
	s.InjectRouteFaults(RouteChatUsers, Fault{ResetMidBody: true})
	req, _ := http.NewRequest(http.MethodGet, base+"/v2/Services/"+svc+"/Users", nil)
	req.SetBasicAuth(acct, token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, 1<<16)
	n, _ := resp.Body.Read(buf)
	if resp.StatusCode != 200 || string(buf[:9]) != `{"meta":{` || n >= int(resp.ContentLength) {
		t.Errorf("%d, %d of %d bytes: %q", resp.StatusCode, n, resp.ContentLength, buf[:n])
	}
}

func TestDeleteUserAndRole(t *testing.T) {
	s, base := startFamily(t)
	if !s.DeleteUser(svc, "jing") || s.DeleteUser(svc, "jing") || s.DeleteUser(otherSvc, "jing") {
		t.Error("DeleteUser by identity: want true once, then false")
	}
	if r := get(t, userURL(base, svc, usJing)); r.status != 404 {
		t.Errorf("deleted user: %d", r.status)
	}
	if !s.DeleteRole(svc, rlChannel) || s.DeleteRole(svc, rlService[:10]) {
		t.Error("DeleteRole")
	}
	if r := get(t, base+"/v2/Services/"+svc+"/Roles/"+rlChannel); r.status != 404 {
		t.Errorf("deleted role: %d", r.status)
	}
	if r := get(t, base+"/v2/Services/"+svc+"/Roles/"+rlService); r.status != 200 {
		t.Errorf("other role: %d", r.status)
	}
}
