package provider

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/elazarl/goproxy"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// connectProxy is a real CONNECT proxy (goproxy) that records the CONNECT
// requests it tunnels and resolves emulator.UnresolvableName to the
// emulator: Go never proxies loopback hosts, so the provider must be given
// a name that is not one, and only the proxy may know where it leads.
type connectProxy struct {
	url string
	mu  sync.Mutex
	// tunnels are the CONNECT requests, as "CONNECT host:port".
	tunnels []string
}

func startConnectProxy(t *testing.T, emuAddr string) *connectProxy {
	t.Helper()
	p := &connectProxy{}
	proxy := goproxy.NewProxyHttpServer()
	proxy.ConnectDialWithReq = func(req *http.Request, network, addr string) (net.Conn, error) {
		p.mu.Lock()
		p.tunnels = append(p.tunnels, req.Method+" "+addr)
		p.mu.Unlock()
		host, port, err := net.SplitHostPort(addr)
		if err != nil || host != emulator.UnresolvableName {
			return nil, fmt.Errorf("the test proxy tunnels to %s only, not %s", emulator.UnresolvableName, addr)
		}
		_, emuPort, _ := net.SplitHostPort(emuAddr)
		if port != emuPort {
			return nil, fmt.Errorf("the test proxy tunnels to port %s only, not %s", emuPort, port)
		}
		return net.Dial(network, emuAddr)
	}
	srv := httptest.NewServer(proxy)
	t.Cleanup(srv.Close)
	p.url = srv.URL
	return p
}

func (p *connectProxy) seen() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.tunnels)
}

var proxyConfig = terraformBlock + `provider "twilio" {
  account_sid = %q
  auth_token  = %q
  endpoints   = { chat = %q }
  max_retries = 0
}
data "twilio_chat_user" "jing" {
  service_sid = %q
  identity    = "jing"
}
output "jing_sid" {
  value = data.twilio_chat_user.jing.sid
}
`

// HTTPS_PROXY and NO_PROXY are read once per process by Go, so the test
// runs the CLI with a release-like provider binary (cliRun), each case a
// process of its own with its own environment, as users run it.
func TestAccTransport_httpsProxyAndNoProxy(t *testing.T) {
	run := newCLIRun(t)
	emu := startTLSEmulator(t)
	emuURL, err := url.Parse(emu.URL())
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(emuURL.Host)
	target := net.JoinHostPort(emulator.UnresolvableName, port)
	proxy := startConnectProxy(t, emuURL.Host)
	pemFile := filepath.Join(t.TempDir(), "emulator-ca.pem")
	if err := os.WriteFile(pemFile, emu.CertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	config := fmt.Sprintf(proxyConfig, testAccountSid, testAuthToken, "https://"+target, testServiceSid)
	for _, tc := range []struct {
		name, noProxy string
		proxied       bool
	}{
		{name: "through the proxy", noProxy: "", proxied: true},
		{name: "NO_PROXY naming another host", noProxy: "chat.twilio.com,10.0.0.0/8", proxied: true},
		{name: "NO_PROXY naming the host", noProxy: "chat.twilio.com," + emulator.UnresolvableName, proxied: false},
		{name: "NO_PROXY naming its domain", noProxy: ".invalid", proxied: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			emu.Reset()
			before := len(proxy.seen())
			// Both spellings are set, so that none from the machine's own
			// environment is read instead.
			env := []string{
				"SSL_CERT_FILE=" + pemFile,
				"HTTPS_PROXY=" + proxy.url, "https_proxy=" + proxy.url,
				"NO_PROXY=" + tc.noProxy, "no_proxy=" + tc.noProxy,
			}
			output, _, failed := run.plan(t, config, nil, env...)
			tunnels := proxy.seen()[before:]
			if tc.proxied {
				if failed || !strings.Contains(output, fmt.Sprintf("jing_sid = %q", testUserSid)) {
					t.Fatalf("plan through the proxy failed:\n%s", output)
				}
				if len(tunnels) == 0 || slices.ContainsFunc(tunnels, func(s string) bool { return s != "CONNECT "+target }) {
					t.Fatalf("the proxy tunnelled %q, want only CONNECT %s", tunnels, target)
				}
				if emu.RequestCount() == 0 {
					t.Fatal("the emulator saw no request")
				}
				return
			}
			// Only the proxy can resolve the name: a request sent directly,
			// as NO_PROXY asks, fails to find the host ("dial tcp: lookup",
			// where a proxied one would fail in "proxyconnect tcp").
			if !failed || !errorPattern("Cannot reach Twilio", "dial tcp: lookup "+emulator.UnresolvableName).MatchString(output) {
				t.Fatalf("plan did not fail to reach %s directly:\n%s", emulator.UnresolvableName, output)
			}
			if len(tunnels) != 0 || emu.RequestCount() != 0 {
				t.Fatalf("the proxy tunnelled %q and the emulator saw %d requests; NO_PROXY=%s should have kept the request off the proxy",
					tunnels, emu.RequestCount(), tc.noProxy)
			}
		})
	}
}
