// Command bench measures the provider at Terraform scale: a real CLI plans N
// twilio_chat_user reads, and twilio_chat_users reading hundreds or
// thousands of users (bulk.go), against the emulator under a latency model,
// and the results are compared with the limit the network and the CLI allow.
// The figures and the targets they are checked against are in BENCHMARKS.md,
// which `make bench` writes.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
	twilioprovider "github.com/seed-29301ef8/terraform-provider-twilio/internal/provider"
)

const (
	accountSid  = "AC0123456789abcdef0123456789abcdef"
	authToken   = "bench-auth-token"
	serviceSid  = "IS0123456789abcdef0123456789abcdef"
	parallelism = 10
)

type model struct {
	Name                  string
	PerRequest, PerConnec time.Duration
}

type result struct {
	N           int // users read
	Case        string
	Model       model
	Wall        time.Duration
	Requests    int
	Connections int
	Retries     int
	Usage       usage
	CLICPU      time.Duration // the CLI's own (with the wrapper's, which is small)
}

func main() {
	if target := os.Getenv(envWrapTarget); target != "" {
		os.Exit(runWrapper(target, os.Getenv(envWrapRusage)))
	}
	var (
		cli      = flag.String("cli", ".bin/tofu", "OpenTofu or Terraform binary")
		provider = flag.String("provider", ".bin/terraform-provider-twilio", "provider binary to measure")
		sizes    = flag.String("n", "100,300,1000", "comma-separated numbers of twilio_chat_user reads, or none")
		bulk     = flag.Bool("bulk", true, "also measure twilio_chat_users (see bulk.go)")
		only     = flag.String("only", "", "measure only the bulk cases whose name contains this (investigations)")
		runs     = flag.Int("runs", 3, "runs per case; the median is reported")
		out      = flag.String("out", "BENCHMARKS.md", "Markdown report to write")
		goBench  = flag.String("gobench", "", "file with `go test -bench` output to include")
		accounts = flag.Bool("concurrency", true, "also measure the account-concurrency section (see concurrency.go)")
		onlyAcct = flag.Bool("only-concurrency", false, "measure only the account-concurrency section and rewrite only it in -out")
		lookups  = flag.Bool("lookups", true, "also measure twilio_chat_role lookups by name (see lookups.go)")
		before   = flag.String("before", "", "with the lookups, a provider binary without the shared list read to measure beside -provider")
		onlyLook = flag.Bool("only-lookups", false, "measure only the lookups-by-name section and rewrite only it in -out")
		trCases  = flag.Bool("taskrouter", true, "also measure the Flex-shaped TaskRouter plan (see taskrouter.go)")
		onlyTR   = flag.Bool("only-taskrouter", false, "measure only the TaskRouter section and rewrite only it in -out")
	)
	flag.Parse()
	onlies := 0
	for _, o := range []bool{*onlyAcct, *onlyLook, *onlyTR} {
		if o {
			onlies++
		}
	}
	if onlies > 1 {
		fmt.Fprintln(os.Stderr, "bench: -only-concurrency, -only-lookups and -only-taskrouter cannot be used together: each rewrites one section of -out; run one, then the other")
		os.Exit(2)
	}
	if onlies == 1 {
		var err error
		switch {
		case *onlyLook:
			err = runOnlySection(*cli, *provider, *out, lookupHeading, func(cli, provider, binDir string) (string, error) {
				return measureLookups(cli, provider, *before, binDir, *runs)
			})
		case *onlyTR:
			err = runOnlySection(*cli, *provider, *out, taskRouterHeading, func(cli, provider, binDir string) (string, error) {
				return measureTaskRouter(cli, provider, binDir, *runs)
			})
		default:
			err = runOnlySection(*cli, *provider, *out, concurrencyHeading, func(cli, provider, binDir string) (string, error) {
				return measureConcurrency(cli, provider, binDir, *runs)
			})
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*cli, *provider, *sizes, *bulk, *accounts, *lookups, *trCases, *before, *only, *runs, *out, *goBench); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// setup returns the CLI and provider as absolute paths, and a folder holding
// this program as the provider the dev override points at; remove it after.
func setup(cli, provider string) (string, string, string, error) {
	cli, err := filepath.Abs(cli)
	if err != nil {
		return "", "", "", err
	}
	provider, err = filepath.Abs(provider)
	if err != nil {
		return "", "", "", err
	}
	self, err := os.Executable()
	if err != nil {
		return "", "", "", err
	}
	binDir, err := os.MkdirTemp("", "bench-provider-")
	if err != nil {
		return "", "", "", err
	}
	// The override points at a copy of this program, which wraps the real
	// provider to measure it.
	if err := copyFile(self, filepath.Join(binDir, providerBinary)); err != nil {
		_ = os.RemoveAll(binDir)
		return "", "", "", err
	}
	return cli, provider, binDir, nil
}

// runOnlySection measures one section of the report, the one under heading,
// and puts it in place of the one out already has, leaving the other
// sections as they are.
func runOnlySection(cli, provider, out, heading string, measure func(cli, provider, binDir string) (string, error)) error {
	cli, provider, binDir, err := setup(cli, provider)
	if err != nil {
		return err
	}
	defer os.RemoveAll(binDir)
	section, err := measure(cli, provider, binDir)
	if err != nil {
		return err
	}
	fmt.Print(section)
	report, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	return os.WriteFile(out, []byte(replaceSection(string(report), heading, section)), 0o644)
}

func run(cli, provider, sizes string, bulkCases, accountCases, lookupCases, taskRouterCases bool, before, only string, runs int, out, goBench string) error {
	var ns []int
	for _, s := range strings.Split(sizes, ",") {
		if strings.TrimSpace(s) == "none" {
			break
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return fmt.Errorf("bad -n %q", sizes)
		}
		ns = append(ns, n)
	}
	cli, provider, binDir, err := setup(cli, provider)
	if err != nil {
		return err
	}
	defer os.RemoveAll(binDir)
	var results []result
	for _, n := range ns {
		for _, m := range models {
			r, err := medianOf(cli, provider, binDir, singular(n), m, runs)
			if err != nil {
				return err
			}
			results = append(results, r)
		}
	}
	var bulk *bulkReport
	if bulkCases {
		if bulk, err = runBulk(cli, provider, binDir, runs, only, results); err != nil {
			return err
		}
	}
	var concurrency string
	if accountCases {
		if concurrency, err = measureConcurrency(cli, provider, binDir, runs); err != nil {
			return err
		}
	}
	var lookups string
	if lookupCases {
		if lookups, err = measureLookups(cli, provider, before, binDir, runs); err != nil {
			return err
		}
	}
	var taskRouter string
	if taskRouterCases {
		if taskRouter, err = measureTaskRouter(cli, provider, binDir, runs); err != nil {
			return err
		}
	}
	report := render(results, bulk, concurrency+lookups+taskRouter, cli, provider, runs, goBench)
	fmt.Print(report)
	return os.WriteFile(out, []byte(report), 0o644)
}

// models are the latency models every case is measured under.
var models = []model{{Name: "L=0/C=0"}, {Name: "L=50ms/C=100ms", PerRequest: 50 * time.Millisecond, PerConnec: 100 * time.Millisecond}}

// medianOf measures sc under m runs times and returns the medians.
func medianOf(cli, provider, binDir string, sc scenario, m model, runs int) (result, error) {
	var samples []result
	for i := range runs {
		r, err := measure(cli, provider, binDir, sc, m)
		if err != nil {
			return result{}, fmt.Errorf("run %d of %s, %s: %w", i+1, sc.Name, m.Name, err)
		}
		fmt.Fprintf(os.Stderr, "%-45s %-15s run %d: wall %v, requests %d, connections %d, provider CPU %v, RSS %d KiB\n",
			sc.Name, m.Name, i+1, r.Wall.Round(time.Millisecond), r.Requests, r.Connections, (r.Usage.UserCPU + r.Usage.SystemCPU).Round(time.Millisecond), r.Usage.MaxRSSKiB)
		samples = append(samples, r)
	}
	return median(samples), nil
}

// median takes each figure's median separately: the runs differ only by
// noise, and a per-figure median is steadier than the median run's figures.
func median(samples []result) result {
	pick := func(f func(result) int64) int64 {
		v := make([]int64, len(samples))
		for i, s := range samples {
			v[i] = f(s)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	m := samples[0]
	m.Wall = time.Duration(pick(func(r result) int64 { return int64(r.Wall) }))
	m.Requests = int(pick(func(r result) int64 { return int64(r.Requests) }))
	m.Connections = int(pick(func(r result) int64 { return int64(r.Connections) }))
	m.Retries = int(pick(func(r result) int64 { return int64(r.Retries) }))
	m.Usage.UserCPU = time.Duration(pick(func(r result) int64 { return int64(r.Usage.UserCPU) }))
	m.Usage.SystemCPU = time.Duration(pick(func(r result) int64 { return int64(r.Usage.SystemCPU) }))
	m.Usage.MaxRSSKiB = pick(func(r result) int64 { return r.Usage.MaxRSSKiB })
	m.CLICPU = time.Duration(pick(func(r result) int64 { return int64(r.CLICPU) }))
	return m
}

// scenario is one configuration a CLI plans against a service of Seed users
// named user-00000, user-00001, ...
type scenario struct {
	Name  string // as the report shows it
	Seed  int    // users in the service
	Roles int    // roles in the service, named role-000, role-001, ...
	// FlexTaskRouter seeds what a fresh Flex account has in TaskRouter.
	FlexTaskRouter bool
	Reads          int    // users (or roles) the configuration reads
	Config         string // the data blocks of main.tf
}

// singular is N twilio_chat_user reads of a service of N users.
func singular(n int) scenario {
	return scenario{
		Name: fmt.Sprintf("%d × twilio_chat_user", n), Seed: n, Reads: n,
		Config: fmt.Sprintf(`data "twilio_chat_user" "member" {
  count       = %d
  service_sid = %q
  identity    = format("user-%%05d", count.index)
}
`, n, serviceSid),
	}
}

// workspace is an emulator seeded for a scenario and a folder holding the
// configuration and the CLI's config file, ready for a CLI command.
type workspace struct {
	emu    *emulator.Server
	dir    string
	rusage string
	env    []string
	// treeCPU is the CPU time of the last CLI command and its children.
	treeCPU time.Duration
}

func newWorkspace(provider, binDir string, sc scenario, m model) (*workspace, error) {
	emu := emulator.New(emulator.Credentials{AccountSid: accountSid, AuthToken: authToken})
	url, err := emu.Start()
	if err != nil {
		return nil, err
	}
	for i := range sc.Seed {
		emu.PutUser(serviceSid, emulator.NewUser(url, accountSid, serviceSid, userSid(i), fmt.Sprintf("user-%05d", i)))
	}
	for i := range sc.Roles {
		emu.PutRole(serviceSid, emulator.NewRole(url, accountSid, serviceSid, fmt.Sprintf("RL%032x", i+1), fmt.Sprintf("role-%03d", i), "deployment", nil))
	}
	if sc.FlexTaskRouter {
		emu.SeedFlexTaskRouter()
	}
	emu.SetLatency(m.PerRequest, m.PerConnec)

	dir, err := os.MkdirTemp("", "bench-config-")
	if err != nil {
		emu.Close()
		return nil, err
	}
	w := &workspace{emu: emu, dir: dir, rusage: filepath.Join(dir, "rusage.json")}
	source := strings.TrimPrefix(twilioprovider.RegistryAddress, "registry.terraform.io/")
	config := fmt.Sprintf(`terraform {
  required_providers {
    twilio = { source = %q }
  }
}
provider "twilio" {}
`, source) + sc.Config
	rc := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.opentofu.org/%s" = %q
    "registry.terraform.io/%s" = %q
  }
  direct {}
}
`, source, binDir, source, binDir)
	for name, content := range map[string]string{"main.tf": config, "cli.tfrc": rc} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			w.close()
			return nil, err
		}
	}
	w.env = append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+filepath.Join(dir, "cli.tfrc"),
		"TF_IN_AUTOMATION=1",
		"TWILIO_ACCOUNT_SID="+accountSid,
		"TWILIO_AUTH_TOKEN="+authToken,
		"TWILIO_CHAT_ENDPOINT="+url,
		"TWILIO_CONVERSATIONS_ENDPOINT="+url,
		"TWILIO_FLEX_ENDPOINT="+emu.FlexURL(),
		"TWILIO_TASKROUTER_ENDPOINT="+emu.TaskRouterURL(),
		envWrapTarget+"="+provider,
		envWrapRusage+"="+w.rusage,
	)
	return w, nil
}

func (w *workspace) close() {
	w.emu.Close()
	_ = os.RemoveAll(w.dir)
}

// userSid is the sid of the i-th seeded user.
func userSid(i int) string { return fmt.Sprintf("US%032x", i+1) }

// run runs the CLI with args in the workspace and returns its wall time.
func (w *workspace) run(cli string, args ...string) (time.Duration, error) {
	cmd := exec.Command(cli, args...)
	cmd.Dir = w.dir
	cmd.Env = w.env
	start := time.Now()
	output, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("%v\n%s", err, tail(output))
	}
	// The CLI's rusage includes the children it waited for: the wrapper and
	// the provider.
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		w.treeCPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return wall, nil
}

// usage is what the wrapper recorded about the provider process.
func (w *workspace) usage() (usage, error) {
	var u usage
	data, err := os.ReadFile(w.rusage)
	if err != nil {
		return u, fmt.Errorf("the wrapper wrote no usage: %w", err)
	}
	return u, json.Unmarshal(data, &u)
}

func measure(cli, provider, binDir string, sc scenario, m model) (result, error) {
	w, err := newWorkspace(provider, binDir, sc, m)
	if err != nil {
		return result{}, err
	}
	defer w.close()
	wall, err := w.run(cli, "plan", "-input=false", "-no-color", "-lock=false")
	if err != nil {
		return result{}, err
	}
	u, err := w.usage()
	if err != nil {
		return result{}, err
	}
	r := result{N: sc.Reads, Case: sc.Name, Model: m, Wall: wall, Requests: w.emu.RequestCount(), Connections: w.emu.Connections(), Usage: u,
		CLICPU: w.treeCPU - u.UserCPU - u.SystemCPU}
	for _, req := range w.emu.Requests() {
		if req.Status != 200 {
			r.Retries++
		}
	}
	return r, nil
}

func tail(b []byte) string {
	const keep = 4000
	if len(b) > keep {
		b = b[len(b)-keep:]
	}
	return string(b)
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o755)
}

// render writes the report: the singular and bulk sections, then sections
// (already rendered, the concurrency and lookups ones), the findings and the
// Go benchmarks.
func render(results []result, bulk *bulkReport, sections, cli, provider string, runs int, goBench string) string {
	var b strings.Builder
	versionCmd := exec.Command(cli, "version")
	versionCmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE=/dev/null")
	version, _ := versionCmd.Output()
	firstLine, _, _ := strings.Cut(string(version), "\n")
	host, _ := os.Hostname()
	size := int64(0)
	if fi, err := os.Stat(provider); err == nil {
		size = fi.Size()
	}
	fmt.Fprintf(&b, "# Benchmarks\n\nWritten by `make bench` on %s. Machine: %s, %d CPUs, %s/%s, %s. CLI: %s, default parallelism %d. "+
		"Each figure is the median of %d runs. Provider binary (as built by `make bench`, `-trimpath -ldflags \"-s -w\"`): %.1f MB.\n\n",
		time.Now().UTC().Format("2006-01-02"), host, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(),
		strings.TrimSpace(firstLine), parallelism, runs, float64(size)/1e6)
	if len(results) > 0 {
		b.WriteString(renderSingular(results, size))
	}
	if bulk != nil {
		b.WriteString(renderBulk(bulk))
	}
	b.WriteString(sections)
	if findings, err := os.ReadFile(filepath.Join("bench", "findings.md")); err == nil {
		b.WriteString("\n")
		b.Write(findings)
	}
	if goBench != "" {
		if data, err := os.ReadFile(goBench); err == nil {
			b.WriteString("\n## Go benchmarks\n\n`go test -run '^$' -bench . -benchmem` on the client (fetch against the in-process emulator) and the mapping:\n\n```\n")
			b.WriteString(strings.TrimSpace(string(data)))
			b.WriteString("\n```\n")
		}
	}
	return b.String()
}

// renderSingular writes the section of N twilio_chat_user reads.
func renderSingular(results []result, size int64) string {
	var b strings.Builder
	b.WriteString("A real CLI runs `plan` on a configuration of N `twilio_chat_user` reads (`count`) against the emulator, through a dev override. " +
		"The latency model adds L per request and C per new connection (standing for TCP and TLS handshakes). " +
		"limit = floor + N·L/p + k·C/p, with floor the wall time of the same N at L=0/C=0, p = 10 and k the connections opened; " +
		"ratio = wall / limit (target ≤ 1.05). CPU and peak RSS are the provider process's own.\n\n")
	b.WriteString("| N | model | wall | limit | ratio | requests | connections | retries | provider CPU | CPU per read | peak RSS |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|\n")
	floors := map[int]time.Duration{}
	for _, r := range results {
		if r.Model.PerRequest == 0 && r.Model.PerConnec == 0 {
			floors[r.N] = r.Wall
		}
	}
	for _, r := range results {
		limit := limitFor(r, floors)
		cpu := r.Usage.UserCPU + r.Usage.SystemCPU
		fmt.Fprintf(&b, "| %d | %s | %.2f s | %.2f s | %.3f | %d | %d | %d | %.2f s | %.0f µs | %.1f MiB |\n",
			r.N, r.Model.Name, r.Wall.Seconds(), limit.Seconds(), r.Wall.Seconds()/limit.Seconds(), r.Requests, r.Connections, r.Retries,
			cpu.Seconds(), float64(cpu.Microseconds())/float64(r.N), float64(r.Usage.MaxRSSKiB)/1024)
	}
	b.WriteString(targets(results, floors, size))
	return b.String()
}

// limitFor is floor + N·L/p + k·C/p: what the CLI's own work and the network
// allow, so that only the provider's overhead separates wall time from it.
func limitFor(r result, floors map[int]time.Duration) time.Duration {
	return floors[r.N] + time.Duration(r.N)*r.Model.PerRequest/parallelism + time.Duration(r.Connections)*r.Model.PerConnec/parallelism
}

// targetTable starts a table of targets under heading and returns the
// function that adds a row to it.
func targetTable(b *strings.Builder, heading string) func(target, measured string, ok bool) {
	b.WriteString("\n" + heading + "\n\n| target | measured | holds |\n|---|---|---|\n")
	return func(target, measured string, ok bool) {
		verdict := "yes"
		if !ok {
			verdict = "**no**"
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", target, measured, verdict)
	}
}

// targets writes the Targets table of BENCHMARKS.md, where the targets are
// stated: each with the measured figure and whether it holds, so that the
// report says itself where they hold and where they do not.
func targets(results []result, floors map[int]time.Duration, binarySize int64) string {
	var b strings.Builder
	row := targetTable(&b, "## Targets")
	maxConns, maxRatio, exact, maxRSS := 0, 0.0, true, int64(0)
	cpuPerRead := map[string][]float64{}
	var order []string
	for _, r := range results {
		maxConns = max(maxConns, r.Connections)
		maxRatio = max(maxRatio, r.Wall.Seconds()/limitFor(r, floors).Seconds())
		exact = exact && r.Requests == r.N && r.Retries == 0
		if r.N == 1000 {
			maxRSS = max(maxRSS, r.Usage.MaxRSSKiB)
		}
		if _, seen := cpuPerRead[r.Model.Name]; !seen {
			order = append(order, r.Model.Name)
		}
		cpuPerRead[r.Model.Name] = append(cpuPerRead[r.Model.Name], float64((r.Usage.UserCPU+r.Usage.SystemCPU).Microseconds())/float64(r.N))
	}
	row("connections ≤ 12 for every N", fmt.Sprintf("at most %d", maxConns), maxConns <= 12)
	row("wall ≤ 1.05 × limit for every N and model", fmt.Sprintf("largest ratio %.3f", maxRatio), maxRatio <= 1.05)
	row("requests = N, no retries", fmt.Sprintf("%v", exact), exact)
	if maxRSS > 0 {
		row("peak RSS ≤ 64 MiB at N=1000", fmt.Sprintf("%.1f MiB", float64(maxRSS)/1024), maxRSS <= 64*1024)
	}
	row("release binary ≤ 30 MB", fmt.Sprintf("%.1f MB", float64(binarySize)/1e6), binarySize <= 30e6)
	for _, name := range order {
		perRead := cpuPerRead[name]
		first, last := perRead[0], perRead[len(perRead)-1]
		// Start-up is paid once, so CPU per read may fall with N; flat means
		// it does not grow.
		row("CPU per read does not grow with N ("+name+")", fmt.Sprintf("%.0f µs at the smallest N, %.0f µs at the largest", first, last), last <= first*1.1)
	}
	return b.String()
}
