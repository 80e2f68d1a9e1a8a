package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

const (
	acct = "AC0123456789abcdef0123456789abcdef"
	svc  = "IS0123456789abcdef0123456789abcdef"
	svc2 = "IS11111111111111111111111111111111"
	us   = "US0123456789abcdef0123456789abcdef"
)

func TestRunServesSeed(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join(dir, "seed.json")
	body := `{"services": {"` + svc + `": [{"sid": "` + us + `", "identity": "jing", "joined_channels_count": 12345678901234567890, "links": null}]}}`
	if err := os.WriteFile(seed, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	urlFile := filepath.Join(dir, "url")
	ctx, cancel := context.WithCancel(context.Background())
	var out strings.Builder
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, options{seed: seed, addr: "127.0.0.1:0", urlFile: urlFile, creds: emulator.Credentials{AccountSid: acct, AuthToken: "t"}}, &out)
	}()

	var base string
	for deadline := time.Now().Add(5 * time.Second); base == ""; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no url file")
		}
		b, _ := os.ReadFile(urlFile)
		base = string(b)
	}
	req, _ := http.NewRequest(http.MethodGet, base+"/v2/Services/"+svc+"/Users/jing", nil)
	req.SetBasicAuth(acct, "t")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var u map[string]any
	if err := json.Unmarshal(raw, &u); err != nil || resp.StatusCode != 200 {
		t.Fatalf("%d %s %v", resp.StatusCode, raw, err)
	}
	if u["url"] != base+"/v2/Services/"+svc+"/Users/"+us || u["account_sid"] != acct || u["service_sid"] != svc ||
		u["links"] != nil || len(u) != 7 || !strings.Contains(string(raw), `"joined_channels_count":12345678901234567890`) {
		t.Errorf("seeded user: %s", raw)
	}

	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "twilio-emulator listening on "+base+" (Flex on "+base+"/flex, TaskRouter on "+base+"/taskrouter, Serverless on "+base+"/serverless, Studio on "+base+"/studio)\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
}

func TestRunRefuses(t *testing.T) {
	dir := t.TempDir()
	badSeed := filepath.Join(dir, "seed.json")
	if err := os.WriteFile(badSeed, []byte(`{"services": {"IS123": []}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	creds := emulator.Credentials{AccountSid: acct, AuthToken: "t"}
	for name, o := range map[string]options{
		"non-loopback":   {addr: "0.0.0.0:0", creds: creds},
		"no credentials": {addr: "127.0.0.1:0"},
		"bad service":    {addr: "127.0.0.1:0", seed: badSeed, creds: creds},
	} {
		if err := run(context.Background(), o, io.Discard); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
