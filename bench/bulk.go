package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// The bulk section: twilio_chat_users, which reads every user of a service a
// page at a time, or up to a page of given identities one GET each,
// twilio.DefaultMaxConcurrent (the provider's default max_concurrent_requests)
// at a time.
const (
	smallService = 300
	largeService = 10000
	picked       = 50  // identities read out of largeService
	pickEvery    = 200 // picked identities are user-00000, user-00200, ...
)

const (
	caseOne        = "1 × twilio_chat_user (floor₁)"
	caseSingular   = "300 × twilio_chat_user"
	caseAllSmall   = "twilio_chat_users, all 300"
	casePicked     = "twilio_chat_users, 50 identities of 10,000"
	caseAllLarge   = "twilio_chat_users, all 10,000"
	stateDataBlock = "twilio_chat_users"
)

// bulkScenarios are the cases of the bulk section, in the report's order.
// Their limits need floor₁, the first case's wall at L=0/C=0.
func bulkScenarios() []scenario {
	one := singular(1)
	one.Name, one.Seed = caseOne, smallService
	many := singular(smallService)
	many.Name = caseSingular
	all := func(name string, seed int) scenario {
		return scenario{Name: name, Seed: seed, Reads: seed, Config: fmt.Sprintf(`data "twilio_chat_users" "all" {
  service_sid = %q
}
`, serviceSid)}
	}
	return []scenario{
		one,
		many,
		all(caseAllSmall, smallService),
		{Name: casePicked, Seed: largeService, Reads: picked, Config: fmt.Sprintf(`data "twilio_chat_users" "picked" {
  service_sid = %q
  identities  = toset([for i in range(%d) : format("user-%%05d", i * %d)])
}
`, serviceSid, picked, pickEvery)},
		all(caseAllLarge, largeService),
	}
}

type bulkRow struct {
	Seed  int
	R     result
	Limit time.Duration // 0 when the case has none
}

type bulkReport struct {
	Rows   []bulkRow
	Floor1 time.Duration
	State  stateCheck
}

// find returns the row of case name under the model named m.
func (b *bulkReport) find(name, m string) (bulkRow, bool) {
	for _, row := range b.Rows {
		if row.R.Case == name && row.R.Model.Name == m {
			return row, true
		}
	}
	return bulkRow{}, false
}

// runBulk measures the bulk cases; the singular section's results stand for
// the 300 twilio_chat_user reads when it measured them (same seed).
// Only the cases whose name contains only are measured (investigations).
func runBulk(cli, provider, binDir string, runs int, only string, singularResults []result) (*bulkReport, error) {
	b := &bulkReport{}
	for _, sc := range bulkScenarios() {
		if !strings.Contains(sc.Name, only) {
			continue
		}
		for _, m := range models {
			var r result
			reused := false
			if sc.Name == caseSingular {
				for _, s := range singularResults {
					if s.N == sc.Reads && s.Model == m {
						r, reused = s, true
					}
				}
			}
			if !reused {
				var err error
				if r, err = medianOf(cli, provider, binDir, sc, m, runs); err != nil {
					return nil, err
				}
			}
			r.Case = sc.Name
			if sc.Name == caseOne && m.PerRequest == 0 && m.PerConnec == 0 {
				b.Floor1 = r.Wall
			}
			b.Rows = append(b.Rows, bulkRow{Seed: sc.Seed, R: r, Limit: bulkLimit(sc, m, b.Floor1)})
		}
	}
	var err error
	for _, sc := range bulkScenarios() {
		if sc.Name == caseAllLarge && strings.Contains(sc.Name, only) {
			if b.State, err = checkState(cli, provider, binDir, sc); err != nil {
				return nil, err
			}
		}
	}
	return b, nil
}

// bulkLimit is what the network allows above floor₁: P sequential pages on
// one connection (floor₁ + P·L + C), or n identities fetched
// twilio.DefaultMaxConcurrent (B) at a time, each on its own connection
// (floor₁ + ⌈n/B⌉·L + min(n, B)·C/B). The singular cases have their own
// limit, in the singular section.
func bulkLimit(sc scenario, m model, floor1 time.Duration) time.Duration {
	switch sc.Name {
	case caseAllSmall, caseAllLarge:
		pages := (sc.Reads + chat.MaxPageSize - 1) / chat.MaxPageSize
		return floor1 + time.Duration(pages)*m.PerRequest + m.PerConnec
	case casePicked:
		const fetched = twilio.DefaultMaxConcurrent
		waves := (sc.Reads + fetched - 1) / fetched
		return floor1 + time.Duration(waves)*m.PerRequest + time.Duration(min(sc.Reads, fetched))*m.PerConnec/fetched
	}
	return 0
}

// stateCheck is what `apply` of a bulk case wrote to the state file.
type stateCheck struct {
	Users, Distinct, Seeded, Missing int
	Wall                             time.Duration
	Usage                            usage
}

func (s stateCheck) holds() bool {
	return s.Users == s.Seeded && s.Distinct == s.Seeded && s.Missing == 0
}

// checkState runs `apply` on sc at L=0/C=0 (data sources are read at plan
// time, and `apply` writes them to terraform.tfstate) and counts the users
// in the state by sid.
func checkState(cli, provider, binDir string, sc scenario) (stateCheck, error) {
	w, err := newWorkspace(provider, binDir, sc, models[0])
	if err != nil {
		return stateCheck{}, err
	}
	defer w.close()
	wall, err := w.run(cli, "apply", "-auto-approve", "-input=false", "-no-color", "-lock=false")
	if err != nil {
		return stateCheck{}, err
	}
	data, err := os.ReadFile(filepath.Join(w.dir, "terraform.tfstate"))
	if err != nil {
		return stateCheck{}, err
	}
	var state struct {
		Resources []struct {
			Mode, Type string
			Instances  []struct {
				Attributes struct {
					Users []struct {
						Sid string `json:"sid"`
					} `json:"users"`
				} `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(data, &state); err != nil {
		return stateCheck{}, fmt.Errorf("terraform.tfstate: %w", err)
	}
	c := stateCheck{Seeded: sc.Seed, Wall: wall}
	seen := map[string]int{}
	for _, res := range state.Resources {
		if res.Mode != "data" || res.Type != stateDataBlock {
			continue
		}
		for _, inst := range res.Instances {
			for _, u := range inst.Attributes.Users {
				c.Users++
				seen[u.Sid]++
			}
		}
	}
	c.Distinct = len(seen)
	for i := range sc.Seed {
		if seen[userSid(i)] == 0 {
			c.Missing++
		}
	}
	if c.Usage, err = w.usage(); err != nil {
		return stateCheck{}, err
	}
	fmt.Fprintf(os.Stderr, "%-45s apply: wall %v, %d users in state, %d distinct sids, %d seeded sids missing, RSS %d KiB\n",
		sc.Name, wall.Round(time.Millisecond), c.Users, c.Distinct, c.Missing, c.Usage.MaxRSSKiB)
	return c, nil
}

func renderBulk(b *bulkReport) string {
	var s strings.Builder
	s.WriteString("\n## Bulk reads\n\n" +
		"`twilio_chat_users` reads many users in one data source: every user of the service, one request per page of 100, " +
		"or up to 100 given `identities`, one `GET` each, 10 at a time. The same CLI plans one such data source against a service of " +
		"300 users, beside 300 `twilio_chat_user` reads of the same seed (the singular section's row) and one `twilio_chat_user`; " +
		"then against a service of 10,000 users, 50 `identities` (every 200th user) and all of them. " +
		"floor₁ is the wall time of one `twilio_chat_user` at L=0/C=0: what a plan of one data source costs the CLI and the provider. " +
		"CLI CPU is the CLI process's own (its rusage less the provider's). " +
		"limit = floor₁ + P·L + C for a list of P pages (sequential, on one connection); " +
		"floor₁ + ⌈n/10⌉·L + min(n, 10)·C/10 for n identities; ratio = wall / limit (target ≤ 1.10).\n\n")
	s.WriteString("| case | service | model | wall | limit | ratio | requests | connections | retries | provider CPU | peak RSS | CLI CPU |\n")
	s.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, row := range b.Rows {
		r := row.R
		limit, ratio := "—", "—"
		if row.Limit > 0 {
			limit, ratio = fmt.Sprintf("%.2f s", row.Limit.Seconds()), fmt.Sprintf("%.3f", r.Wall.Seconds()/row.Limit.Seconds())
		}
		fmt.Fprintf(&s, "| %s | %d users | %s | %.2f s | %s | %s | %d | %d | %d | %.2f s | %.1f MiB | %.2f s |\n",
			r.Case, row.Seed, r.Model.Name, r.Wall.Seconds(), limit, ratio, r.Requests, r.Connections, r.Retries,
			(r.Usage.UserCPU + r.Usage.SystemCPU).Seconds(), float64(r.Usage.MaxRSSKiB)/1024, r.CLICPU.Seconds())
	}
	if b.State.Seeded > 0 {
		fmt.Fprintf(&s, "\nState: `apply` of the 10,000-user case at L=0/C=0 took %.2f s (provider CPU %.2f s, peak RSS %.1f MiB) "+
			"and wrote %d users to `terraform.tfstate`, %d distinct sids; %d of the %d seeded sids are missing.\n",
			b.State.Wall.Seconds(), (b.State.Usage.UserCPU + b.State.Usage.SystemCPU).Seconds(), float64(b.State.Usage.MaxRSSKiB)/1024,
			b.State.Users, b.State.Distinct, b.State.Missing, b.State.Seeded)
	}
	s.WriteString(bulkTargets(b))
	return s.String()
}

// bulkTargets writes the bulk section's targets table, as targets does for
// the singular section. The ratio targets hold under every model.
func bulkTargets(b *bulkReport) string {
	var s strings.Builder
	row := targetTable(&s, "### Bulk targets")
	// each collects a case's rows under every model.
	each := func(name string) []bulkRow {
		var rows []bulkRow
		for _, m := range models {
			if r, ok := b.find(name, m.Name); ok {
				rows = append(rows, r)
			}
		}
		return rows
	}
	requests := func(name string, want int) {
		ok, got := true, []string{}
		for _, r := range each(name) {
			ok = ok && r.R.Requests == want && r.R.Retries == 0
			got = append(got, fmt.Sprintf("%d (%d retries) at %s", r.R.Requests, r.R.Retries, r.R.Model.Name))
		}
		row(fmt.Sprintf("%s: requests = %d, no retries", name, want), strings.Join(got, ", "), ok)
	}
	ratio := func(name string) {
		worst, ok := 0.0, true
		got := []string{}
		for _, r := range each(name) {
			q := r.R.Wall.Seconds() / r.Limit.Seconds()
			worst = max(worst, q)
			ok = ok && q <= 1.10
			got = append(got, fmt.Sprintf("%.2f s / %.2f s = %.3f at %s", r.R.Wall.Seconds(), r.Limit.Seconds(), q, r.R.Model.Name))
		}
		row(fmt.Sprintf("%s: wall ≤ 1.10 × limit, every model", name), strings.Join(got, "; "), ok && !math.IsNaN(worst))
	}
	slow := models[len(models)-1].Name

	requests(caseAllSmall, (smallService+chat.MaxPageSize-1)/chat.MaxPageSize)
	bulk, okB := b.find(caseAllSmall, slow)
	single, okS := b.find(caseSingular, slow)
	if okB && okS {
		q := bulk.R.Wall.Seconds() / single.R.Wall.Seconds()
		row(fmt.Sprintf("%s: wall ≤ 0.35 × %s's at %s", caseAllSmall, caseSingular, slow),
			fmt.Sprintf("%.2f s / %.2f s = %.3f", bulk.R.Wall.Seconds(), single.R.Wall.Seconds(), q), q <= 0.35)
	}
	ratio(caseAllSmall)

	requests(casePicked, picked)
	maxConns := 0
	for _, r := range each(casePicked) {
		maxConns = max(maxConns, r.R.Connections)
	}
	row(fmt.Sprintf("%s: connections ≤ %d", casePicked, twilio.DefaultMaxConcurrent), fmt.Sprintf("at most %d", maxConns), maxConns <= twilio.DefaultMaxConcurrent)
	ratio(casePicked)

	requests(caseAllLarge, (largeService+chat.MaxPageSize-1)/chat.MaxPageSize)
	var rss int64
	for _, r := range each(caseAllLarge) {
		rss = max(rss, r.R.Usage.MaxRSSKiB)
	}
	row(caseAllLarge+": provider peak RSS ≤ 128 MiB", fmt.Sprintf("%.1f MiB (largest of both models)", float64(rss)/1024), rss <= 128*1024)
	if b.State.Seeded > 0 {
		row(caseAllLarge+": the state holds each user once",
			fmt.Sprintf("%d users, %d distinct sids, %d seeded sids missing", b.State.Users, b.State.Distinct, b.State.Missing), b.State.holds())
	}
	return s.String()
}
