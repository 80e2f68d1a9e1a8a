package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

// The account-concurrency section: Twilio answers 429 (error 20429) to the
// requests an account has in flight beyond its limit K. The plan of issue 19
// (three twilio_chat_users of 60 identities and 60 twilio_chat_user, at
// -parallelism=20, 50 ms a request) runs with K = 4 and with K = 100 (no
// contention), and once at L=0 without a limit for its floor.
const (
	concurrencyHeading     = "## Account concurrency"
	concurrencyParallelism = 20
	concurrencyGroups      = 3
	concurrencyPerGroup    = 60
	concurrencySingular    = 60
	concurrencyReads       = concurrencyGroups*concurrencyPerGroup + concurrencySingular
)

var concurrencyLatency = model{Name: "L=50ms/C=0", PerRequest: 50 * time.Millisecond}

func concurrencyPlan() scenario {
	var b strings.Builder
	for g := range concurrencyGroups {
		fmt.Fprintf(&b, `data "twilio_chat_users" "group%d" {
  service_sid = %q
  identities  = [for i in range(%d, %d) : format("user-%%05d", i)]
}
`, g, serviceSid, g*concurrencyPerGroup, (g+1)*concurrencyPerGroup)
	}
	fmt.Fprintf(&b, `data "twilio_chat_user" "member" {
  count       = %d
  service_sid = %q
  identity    = format("user-%%05d", count.index)
}
`, concurrencySingular, serviceSid)
	return scenario{Name: "issue 19's plan", Seed: concurrencyGroups * concurrencyPerGroup, Reads: concurrencyReads, Config: b.String()}
}

// concurrencyCase is one account limit (0: none) under one latency model.
type concurrencyCase struct {
	Name  string
	Limit int
	Model model
}

var concurrencyCases = []concurrencyCase{
	{Name: "floor (no limit)", Model: models[0]},
	{Name: "K = 100", Limit: 100, Model: concurrencyLatency},
	{Name: "K = 4", Limit: 4, Model: concurrencyLatency},
}

type concurrencyResult struct {
	Case                      concurrencyCase
	Failed                    int // runs whose plan failed
	Runs                      int
	Wall                      time.Duration
	Requests, Throttled, Peak int
	Error                     string // the last failure's end
}

// measureConcurrency measures the account-concurrency cases and renders
// their section.
func measureConcurrency(cli, provider, binDir string, runs int) (string, error) {
	results, err := runConcurrency(cli, provider, binDir, runs)
	if err != nil {
		return "", err
	}
	return renderConcurrency(results), nil
}

// runConcurrency measures every case runs times; figures are medians over
// the runs that completed.
func runConcurrency(cli, provider, binDir string, runs int) ([]concurrencyResult, error) {
	var out []concurrencyResult
	for _, c := range concurrencyCases {
		r := concurrencyResult{Case: c, Runs: runs}
		var walls []time.Duration
		var requests, throttled, peaks []int
		for i := range runs {
			w, err := newWorkspace(provider, binDir, concurrencyPlan(), c.Model)
			if err != nil {
				return nil, err
			}
			w.emu.SetAccountConcurrency(c.Limit)
			wall, err := w.run(cli, "plan", "-input=false", "-no-color", "-lock=false", fmt.Sprintf("-parallelism=%d", concurrencyParallelism))
			n, refused := w.emu.RequestCount(), 0
			for _, req := range w.emu.Requests() {
				if req.Status == 429 {
					refused++
				}
			}
			peak := w.emu.PeakInFlight()
			w.close()
			fmt.Fprintf(os.Stderr, "%-45s %-15s run %d: wall %v, requests %d, 429s %d, peak in flight %d, failed %v\n",
				"account concurrency, "+c.Name, c.Model.Name, i+1, wall.Round(time.Millisecond), n, refused, peak, err != nil)
			if err != nil {
				r.Failed++
				r.Error = cliError(err.Error())
				continue
			}
			walls, requests, throttled, peaks = append(walls, wall), append(requests, n), append(throttled, refused), append(peaks, peak)
		}
		if len(walls) > 0 {
			r.Wall, r.Requests, r.Throttled, r.Peak = medianOfSlice(walls), medianOfSlice(requests), medianOfSlice(throttled), medianOfSlice(peaks)
		}
		out = append(out, r)
	}
	return out, nil
}

func medianOfSlice[T int | time.Duration](v []T) T {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

// cliError is the summary of a CLI failure's last error ("Error: …").
func cliError(s string) string {
	lines := strings.Split(s, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if _, summary, ok := strings.Cut(lines[i], "Error: "); ok {
			return strings.TrimSpace(summary)
		}
	}
	return "no error line in the output"
}

func renderConcurrency(results []concurrencyResult) string {
	var b strings.Builder
	b.WriteString("\n" + concurrencyHeading + "\n\n" +
		fmt.Sprintf("The plan of issue 19: %d `twilio_chat_users` of %d identities each and %d `twilio_chat_user` (%d requests), "+
			"`plan -parallelism=%d`, against the emulator answering 429 with Twilio's error 20429 to every request that arrives while K others are in flight. "+
			"The provider's default `max_concurrent_requests` (%d). Peak in flight is the emulator's, refused requests included; the floor is the same plan at L=0 without a limit. "+
			"limit = floor + %d·L/%d (the budget's %d at a time). Measured on %s; `make bench BENCH_ONLY=concurrency` runs this section alone and rewrites only it.\n\n",
			concurrencyGroups, concurrencyPerGroup, concurrencySingular, concurrencyReads, concurrencyParallelism, twilio.DefaultMaxConcurrent,
			concurrencyReads, twilio.DefaultMaxConcurrent, twilio.DefaultMaxConcurrent, time.Now().UTC().Format("2006-01-02")))
	b.WriteString("| case | model | plans completed | wall | requests | 429s | peak in flight |\n|---|---|---|---|---|---|---|\n")
	var floor time.Duration
	for _, r := range results {
		if r.Case.Limit == 0 {
			floor = r.Wall
		}
		fmt.Fprintf(&b, "| %s | %s | %d of %d | %.2f s | %d | %d | %d |\n",
			r.Case.Name, r.Case.Model.Name, r.Runs-r.Failed, r.Runs, r.Wall.Seconds(), r.Requests, r.Throttled, r.Peak)
	}
	for _, r := range results {
		if r.Failed > 0 {
			fmt.Fprintf(&b, "\n%s: %d of %d plans failed; the last with %q.\n", r.Case.Name, r.Failed, r.Runs, r.Error)
		}
	}
	row := targetTable(&b, "### Account concurrency targets")
	for _, r := range results {
		switch r.Case.Limit {
		case 100:
			row(fmt.Sprintf("K = 100: peak in flight ≤ max_concurrent_requests (%d) at -parallelism=%d", twilio.DefaultMaxConcurrent, concurrencyParallelism),
				fmt.Sprintf("%d", r.Peak), r.Failed == 0 && r.Peak <= twilio.DefaultMaxConcurrent)
			row("K = 100: requests = 240, no 429", fmt.Sprintf("%d, %d 429s", r.Requests, r.Throttled), r.Failed == 0 && r.Requests == concurrencyReads && r.Throttled == 0)
			limit := floor + time.Duration(concurrencyReads)*r.Case.Model.PerRequest/twilio.DefaultMaxConcurrent
			row("K = 100: wall ≤ 1.10 × limit (the budget does not slow a plan Twilio does not throttle)",
				fmt.Sprintf("%.2f s / %.2f s = %.3f", r.Wall.Seconds(), limit.Seconds(), r.Wall.Seconds()/limit.Seconds()),
				r.Failed == 0 && r.Wall <= limit*110/100)
		case 4:
			row("K = 4: every plan completes", fmt.Sprintf("%d of %d", r.Runs-r.Failed, r.Runs), r.Failed == 0)
			row("K = 4: 429s ≤ ¼ of the 240 requests the plan needs", fmt.Sprintf("%d", r.Throttled), r.Failed == 0 && r.Throttled <= concurrencyReads/4)
		}
	}
	return b.String()
}

// replaceSection puts section in place of the report's own section of that
// heading (up to the next "## " heading), or before "## Findings" when the
// report has none yet.
func replaceSection(report, heading, section string) string {
	start := strings.Index(report, "\n"+heading+"\n")
	if start < 0 {
		if at := strings.Index(report, "\n## Findings\n"); at >= 0 {
			return report[:at] + section + report[at:]
		}
		return report + section
	}
	end := strings.Index(report[start+1:], "\n## ")
	if end < 0 {
		return report[:start] + section
	}
	return report[:start] + section + report[start+1+end:]
}
