package provider

import (
	"encoding/base64"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

const (
	secretAuthToken = "s3cr3t-auth-token-9f8e7d6c5b4a"
	secretAPISecret = "s3cr3t-api-secret-1a2b3c4d5e6f"
	testAPIKey      = "SK0123456789abcdef0123456789abcdef"
)

// cliRun is a real CLI run with a release-like provider binary through a dev
// override: what users run, logs included, unlike the in-process provider of
// resource.Test whose logs the CLI never sees.
type cliRun struct {
	cli, dir string
	env      []string
}

func newCLIRun(t *testing.T) *cliRun {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC must be set to run a real CLI (make testacc)")
	}
	// Skipping here would drop the only end-to-end checks of what reaches
	// the CLI's logs, without a word, from an acceptance run.
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		t.Fatal("TF_ACC is set but TF_ACC_TERRAFORM_PATH is not: set it to the CLI to run (make testacc does)")
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-twilio"), "github.com/seed-29301ef8/terraform-provider-twilio")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	dir := t.TempDir()
	rc := filepath.Join(dir, "cli.tfrc")
	source := RegistryAddress[strings.Index(RegistryAddress, "/")+1:]
	overrides := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.opentofu.org/%s" = %q
    %q = %q
  }
  direct {}
}
`, source, bin, RegistryAddress, bin)
	if err := os.WriteFile(rc, []byte(overrides), 0o600); err != nil {
		t.Fatal(err)
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TWILIO_") && !strings.HasPrefix(kv, "TF_") {
			env = append(env, kv)
		}
	}
	env = append(env, "TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1")
	return &cliRun{cli: cli, dir: dir, env: env}
}

// terraformBlock requires the provider by its registry address, as users'
// configurations do, so that the CLI runs the dev override of cliRun.
var terraformBlock = fmt.Sprintf(`
terraform {
  required_providers {
    twilio = { source = %q }
  }
}
`, RegistryAddress[strings.Index(RegistryAddress, "/")+1:])

// plan runs `plan` on config with TF_LOG=TRACE, the CLI's extra args
// and env added, and returns everything the run wrote: terminal output and
// the log file.
func (r *cliRun) plan(t *testing.T, config string, args []string, env ...string) (output, log string, failed bool) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(r.dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(r.dir, "trace.log")
	_ = os.Remove(logPath)
	cmd := exec.Command(r.cli, append([]string{"plan", "-no-color", "-input=false", "-refresh=true"}, args...)...)
	cmd.Dir = r.dir
	cmd.Env = append(append(append([]string{}, r.env...), "TF_LOG=TRACE", "TF_LOG_PATH="+logPath), env...)
	out, err := cmd.CombinedOutput()
	logData, readErr := os.ReadFile(logPath)
	if readErr != nil {
		t.Fatalf("reading the CLI log: %v\n%s", readErr, out)
	}
	return string(out), string(logData), err != nil
}

var secretsConfig = terraformBlock + `provider "twilio" {
  %s
}
data "twilio_chat_user" "jing" {
  service_sid = "` + testServiceSid + `"
  identity    = "jing"
}
output "role_sid" {
  value = data.twilio_chat_user.jing.role_sid
}
data "twilio_flex_configuration" "this" {}
output "flex_service_instance_sid" {
  value = data.twilio_flex_configuration.this.flex_service_instance_sid
}
`

func TestAccSecrets_neverInLogsOutputOrDiagnostics(t *testing.T) {
	run := newCLIRun(t)
	emu := emulator.New(emulator.Credentials{
		AccountSid: testAccountSid, AuthToken: secretAuthToken,
		APIKey: testAPIKey, APISecret: secretAPISecret,
	})
	url, err := emu.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(emu.Close)
	emu.PutUser(testServiceSid, emulator.NewUser(url, testAccountSid, testServiceSid, testUserSid, "jing"))

	basic := func(user, pass string) string {
		return base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
	}
	secrets := []string{
		secretAuthToken, secretAPISecret,
		basic(testAccountSid, secretAuthToken), basic(testAPIKey, secretAPISecret),
		basic(testAccountSid, "wrong-"+secretAuthToken),
	}
	for _, tc := range []struct {
		name, block string
		env         []string
		wantFail    string
	}{
		{name: "account pair from the environment", env: []string{
			"TWILIO_ACCOUNT_SID=" + testAccountSid, "TWILIO_AUTH_TOKEN=" + secretAuthToken, "TWILIO_CHAT_ENDPOINT=" + url, "TWILIO_FLEX_ENDPOINT=" + emu.FlexURL(),
		}},
		{name: "API key pair from the provider block", block: fmt.Sprintf(
			"api_key = %q\n  api_secret = %q\n  endpoints = { chat = %q, flex = %q }", testAPIKey, secretAPISecret, url, emu.FlexURL())},
		{name: "refused token in the provider block", block: fmt.Sprintf(
			"account_sid = %q\n  auth_token = %q\n  endpoints = { chat = %q, flex = %q }", testAccountSid, "wrong-"+secretAuthToken, url, emu.FlexURL()),
			wantFail: "Twilio authentication failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			emu.Reset()
			output, log, failed := run.plan(t, fmt.Sprintf(secretsConfig, tc.block), nil, tc.env...)
			if tc.wantFail == "" && (failed || !strings.Contains(output, "role_sid") || !strings.Contains(output, "flex_service_instance_sid")) {
				t.Fatalf("plan failed:\n%s", output)
			}
			if tc.wantFail != "" && (!failed || !strings.Contains(output, tc.wantFail)) {
				t.Fatalf("plan did not fail with %q:\n%s", tc.wantFail, output)
			}
			// The provider's own request log must be in the file, or the
			// absence of secrets below would prove nothing.
			if !strings.Contains(log, "Twilio API request") || !strings.Contains(log, "flex-api") {
				t.Fatalf("the trace log has no provider request lines for Chat and Flex (%d bytes)", len(log))
			}
			if emu.RequestCount() == 0 || emu.Requests()[0].Header.Get("Authorization") == "" {
				t.Fatal("the emulator saw no authenticated request")
			}
			for _, secret := range secrets {
				if strings.Contains(log, secret) {
					t.Errorf("the trace log contains the secret %q", secret)
				}
				if strings.Contains(output, secret) {
					t.Errorf("the CLI output contains the secret %q", secret)
				}
			}
		})
	}
}
