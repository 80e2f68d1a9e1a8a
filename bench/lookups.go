package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// The lookups section: twenty twilio_chat_role lookups by name on a service
// of 250 roles, as a Flex setup has. Twilio has no lookup by name, so each
// reads the service's list of roles; the provider shares one read of it per
// process. -before measures a provider binary built without the sharing,
// beside it.
const (
	lookupRoles   = 250
	lookupsByName = 20
	lookupEvery   = 12 // looked-up roles are role-000, role-012, ...
	caseLookups   = "20 × twilio_chat_role by name, 250 roles"
	lookupHeading = "## Lookups by name"
)

func lookupScenario() scenario {
	return scenario{Name: caseLookups, Roles: lookupRoles, Reads: lookupsByName, Config: fmt.Sprintf(`data "twilio_chat_role" "member" {
  for_each      = toset([for i in range(%d) : format("role-%%03d", i * %d)])
  service_sid   = %q
  friendly_name = each.key
}
`, lookupsByName, lookupEvery, serviceSid)}
}

type lookupRow struct {
	Provider string // "before" or "after"
	R        result
}

// runLookups measures the lookups with provider, and with before when set.
func runLookups(cli, provider, before, binDir string, runs int) ([]lookupRow, error) {
	binaries := []struct{ name, path string }{{"after: one shared list read", provider}}
	if before != "" {
		binaries = append([]struct{ name, path string }{{"before: each lookup reads the list", before}}, binaries...)
	}
	var rows []lookupRow
	for _, bin := range binaries {
		for _, m := range models {
			r, err := medianOf(cli, bin.path, binDir, lookupScenario(), m, runs)
			if err != nil {
				return nil, err
			}
			rows = append(rows, lookupRow{Provider: bin.name, R: r})
		}
	}
	return rows, nil
}

// measureLookups measures the lookups and renders their section.
func measureLookups(cli, provider, before, binDir string, runs int) (string, error) {
	if before != "" {
		var err error
		if before, err = filepath.Abs(before); err != nil {
			return "", err
		}
	}
	rows, err := runLookups(cli, provider, before, binDir, runs)
	if err != nil {
		return "", err
	}
	return renderLookups(rows), nil
}

// lookupPages is how many pages one read of the roles takes.
func lookupPages() int { return (lookupRoles + chat.MaxPageSize - 1) / chat.MaxPageSize }

func renderLookups(rows []lookupRow) string {
	var s strings.Builder
	s.WriteString("\n" + lookupHeading + "\n\n" +
		"Twilio has no lookup by name: `twilio_chat_role` with `friendly_name` reads the service's list of roles (100 a page). " +
		"The same CLI plans 20 such lookups (`for_each`) on a service of 250 roles. The provider reads each list once per process " +
		"and shares it with every lookup by name on it; the `before` rows are a provider built without that (`-before`), " +
		"whose every lookup pages the whole list. " +
		fmt.Sprintf("Measured on %s, load average %s on %d CPUs at the start.\n\n", time.Now().UTC().Format("2006-01-02"), loadAverage(), runtime.NumCPU()))
	s.WriteString("| case | provider | model | wall | requests | connections | retries | provider CPU | peak RSS |\n")
	s.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	for _, row := range rows {
		r := row.R
		fmt.Fprintf(&s, "| %s | %s | %s | %.2f s | %d | %d | %d | %.2f s | %.1f MiB |\n", r.Case, row.Provider, r.Model.Name, r.Wall.Seconds(),
			r.Requests, r.Connections, r.Retries, (r.Usage.UserCPU + r.Usage.SystemCPU).Seconds(), float64(r.Usage.MaxRSSKiB)/1024)
	}
	row := targetTable(&s, "### Lookup targets")
	want := lookupPages()
	for _, r := range rows {
		if !strings.HasPrefix(r.Provider, "after") {
			continue
		}
		row(fmt.Sprintf("%s: requests = %d (one read of the list), no retries, at %s", caseLookups, want, r.R.Model.Name),
			fmt.Sprintf("%d (%d retries)", r.R.Requests, r.R.Retries), r.R.Requests == want && r.R.Retries == 0)
	}
	for _, m := range models {
		var before, after *result
		for i := range rows {
			switch {
			case rows[i].R.Model != m:
			case strings.HasPrefix(rows[i].Provider, "before"):
				before = &rows[i].R
			default:
				after = &rows[i].R
			}
		}
		if before != nil && after != nil {
			row(fmt.Sprintf("%s: wall no more than before's, at %s", caseLookups, m.Name),
				fmt.Sprintf("%.2f s against %.2f s (%d requests against %d)", after.Wall.Seconds(), before.Wall.Seconds(), after.Requests, before.Requests),
				after.Wall <= before.Wall+time.Duration(float64(before.Wall)*0.05))
		}
	}
	return s.String()
}

// loadAverage is the 1-minute load average, or "unknown": lookups take a
// fraction of a second, so a loaded machine shows in their walls.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "unknown"
}
