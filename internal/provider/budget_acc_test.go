package provider

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// The request budget (max_concurrent_requests) on a real CLI. resource.Test
// cannot pass -parallelism (terraform-exec refuses TF_CLI_ARGS), so the
// tests that need the CLI's parallelism above the budget run it through
// cliRun, with the provider built as users get it.

// budgetPlan is the plan of the issue that brought the budget in: three
// twilio_chat_users of 60 identities each and 60 twilio_chat_user, against
// a service of 180 users.
func budgetPlan(providerExtra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `%sprovider "twilio" {
  %s
}
`, terraformBlock, providerExtra)
	for g := range 3 {
		fmt.Fprintf(&b, `data "twilio_chat_users" "group%d" {
  service_sid = %q
  identities  = [for i in range(%d, %d) : format("user-%%03d", i)]
}
`, g, testServiceSid, g*60, g*60+60)
	}
	fmt.Fprintf(&b, `data "twilio_chat_user" "member" {
  count       = 60
  service_sid = %q
  identity    = format("user-%%03d", count.index)
}
output "users" {
  value = length(data.twilio_chat_users.group0.users) + length(data.twilio_chat_users.group1.users) + length(data.twilio_chat_users.group2.users) + length(data.twilio_chat_user.member)
}
`, testServiceSid)
	return b.String()
}

// budgetEmulator is a service of the 180 users budgetPlan reads, 50 ms a
// request.
func budgetEmulator(t *testing.T) *emulator.Server {
	emu := startEmulator(t)
	for i := range 180 {
		emu.PutUser(testServiceSid, emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, fmt.Sprintf("US%032x", i+100), fmt.Sprintf("user-%03d", i)))
	}
	emu.SetLatency(50*time.Millisecond, 0)
	return emu
}

// budgetRun runs `plan -parallelism=20` on config with the emulator's
// address and credentials in the environment; it returns the CLI's output
// and whether it failed.
func budgetRun(t *testing.T, r *cliRun, emu *emulator.Server, config string) (string, bool) {
	t.Helper()
	out, _, failed := r.plan(t, config, []string{"-parallelism=20"},
		"TWILIO_ACCOUNT_SID="+testAccountSid, "TWILIO_AUTH_TOKEN="+testAuthToken, "TWILIO_CHAT_ENDPOINT="+emu.URL())
	return out, failed
}

func throttled(emu *emulator.Server) int {
	n := 0
	for _, r := range emu.Requests() {
		if r.Status == 429 {
			n++
		}
	}
	return n
}

func TestAccBudget_peakInFlightAtParallelism20(t *testing.T) {
	run := newCLIRun(t)
	emu := budgetEmulator(t)
	for _, tc := range []struct {
		name, extra string
		budget      int
	}{
		{"default budget", "", 10},
		{"max_concurrent_requests = 3", "max_concurrent_requests = 3", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			emu.Reset()
			out, failed := budgetRun(t, run, emu, budgetPlan(tc.extra))
			if failed || !strings.Contains(out, "users = 240") {
				t.Fatalf("plan failed:\n%s", out)
			}
			peak, requests := emu.PeakInFlight(), emu.RequestCount()
			t.Logf("%s: %d requests, peak in flight %d", tc.name, requests, peak)
			// 180 fetches and 60 singular reads: one request each.
			if requests != 240 {
				t.Errorf("%d requests, want 240", requests)
			}
			// The budget is used, not merely respected: 240 requests at
			// 50 ms fill it.
			if peak != tc.budget {
				t.Errorf("peak in flight %d, want the budget of %d", peak, tc.budget)
			}
		})
	}
}

// Under an account limit of 4 (the emulator refuses a fifth request in
// flight with 429/20429), the plan completes, with 429s at most a quarter of
// the requests it needs.
func TestAccBudget_planCompletesUnderAnAccountLimitOfFour(t *testing.T) {
	run := newCLIRun(t)
	emu := budgetEmulator(t)
	emu.SetAccountConcurrency(4)
	out, failed := budgetRun(t, run, emu, budgetPlan(""))
	if failed || !strings.Contains(out, "users = 240") {
		t.Fatalf("plan failed:\n%s", out)
	}
	refused, requests := throttled(emu), emu.RequestCount()
	t.Logf("%d requests, %d of them 429", requests, refused)
	if refused > 240/4 {
		t.Fatalf("%d of %d requests were 429s, more than a quarter of the 240 the plan needs", refused, requests)
	}
	if requests-refused != 240 {
		t.Fatalf("%d requests answered, want 240", requests-refused)
	}
}

// A 429 with Retry-After: 2 holds every new request to the host for two
// seconds: only what was in flight when it came reaches the host meanwhile.
func TestAccBudget_retryAfterHoldsEveryRequestToTheHost(t *testing.T) {
	run := newCLIRun(t)
	emu := budgetEmulator(t)
	emu.InjectFaults(emulator.Fault{Status: 429, Header: map[string]string{"Retry-After": "2"}})
	out, failed := budgetRun(t, run, emu, budgetPlan(""))
	if failed || !strings.Contains(out, "users = 240") {
		t.Fatalf("plan failed:\n%s", out)
	}
	reqs := emu.Requests()
	var refusedAt time.Time
	for _, r := range reqs {
		if r.Status == 429 {
			refusedAt = r.Answered
		}
	}
	if refusedAt.IsZero() {
		t.Fatal("no request was answered with the injected 429")
	}
	// A request sent just before the client read the 429 may arrive just
	// after it; none may arrive later inside the window.
	var inside []string
	for _, r := range reqs {
		if at := r.Time.Sub(refusedAt); at > 200*time.Millisecond && at < 2*time.Second {
			inside = append(inside, fmt.Sprintf("%s at +%v", r.EscapedPath, at.Round(time.Millisecond)))
		}
	}
	if len(inside) > 0 {
		t.Fatalf("%d requests reached the host inside the Retry-After window: %s", len(inside), strings.Join(inside, ", "))
	}
	if len(reqs) != 241 {
		t.Fatalf("%d requests, want the 240 and the one refused", len(reqs))
	}
}

func TestAccBudget_zeroAndNegativeAreRefused(t *testing.T) {
	emu := startEmulator(t)
	var steps []resource.TestStep
	for _, n := range []string{"0", "-1"} {
		steps = append(steps, resource.TestStep{
			Config:      jingConfig(emu, "max_concurrent_requests = "+n, ""),
			PlanOnly:    true,
			ExpectError: errorPattern("max_concurrent_requests", "value must be at least 1, got: "+n),
		})
	}
	accTest(t, steps...)
	if got := emu.RequestCount(); got != 0 {
		t.Fatalf("%d requests reached the emulator", got)
	}
}

// With the defaults, an attempt that hangs is abandoned at request_timeout
// and retried within the read's timeout.
func TestAccBudget_aHungFirstAttemptIsRetriedUnderTheDefaults(t *testing.T) {
	emu := startEmulator(t)
	emu.InjectFaults(emulator.Fault{Hang: true})
	accTest(t, resource.TestStep{
		Config: jingConfig(emu, "", ""),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr("data.twilio_chat_user.jing", "sid", knownvalue.StringExact(testUserSid)),
		},
	})
	expectStatusesThenOK(t, emu, "0,200")
}

// A 503 that never ends under a short read timeout: the read stops when the
// next backoff would pass the deadline, and says what Twilio answered.
func TestAccBudget_503ForeverUnderAShortReadTimeoutNamesThe503(t *testing.T) {
	emu := startEmulator(t)
	emu.SetFaultForever(&emulator.Fault{Status: 503})
	runRead(t, jingConfig(emu, "max_retries = 10", `timeouts = { read = "4s" }`),
		errorPattern("Twilio Chat API error", "HTTP 503, Twilio error 20503: Service Unavailable",
			"not retried again: the next attempt would have started after the read's timeout"))
}
