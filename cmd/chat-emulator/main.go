// Command chat-emulator serves the in-memory Twilio Chat v2 Users API of
// internal/emulator on a loopback port, for the demo and manual testing.
//
// Usage:
//
//	chat-emulator -seed seed.json [-addr 127.0.0.1:0] [-latency 20ms] [-conn-latency 50ms] [-url-file FILE]
//
// The seed file maps service sids to users:
//
//	{"services": {"IS0123...": [{"sid": "US...", "identity": "jing", "role_sid": "RL..."}]}}
//
// Users are served as given, except that a missing url, links, account_sid or
// service_sid is filled in as Twilio would, so seeds stay short.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"syscall"
	"time"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

type options struct {
	seed, addr, urlFile  string
	latency, connLatency time.Duration
	creds                emulator.Credentials
}

func main() {
	var o options
	flag.StringVar(&o.seed, "seed", "", "JSON seed file of services and their users")
	flag.StringVar(&o.addr, "addr", "127.0.0.1:0", "loopback address to listen on")
	flag.DurationVar(&o.latency, "latency", 0, "delay added before every response")
	flag.DurationVar(&o.connLatency, "conn-latency", 0, "delay added once on every new connection")
	flag.StringVar(&o.urlFile, "url-file", "", "file to write the base URL to once listening")
	flag.StringVar(&o.creds.AccountSid, "account-sid", os.Getenv("TWILIO_ACCOUNT_SID"), "account SID accepted with -auth-token (default $TWILIO_ACCOUNT_SID)")
	flag.StringVar(&o.creds.AuthToken, "auth-token", os.Getenv("TWILIO_AUTH_TOKEN"), "auth token accepted (default $TWILIO_AUTH_TOKEN)")
	flag.StringVar(&o.creds.APIKey, "api-key", os.Getenv("TWILIO_API_KEY"), "API key SID accepted with -api-secret (default $TWILIO_API_KEY)")
	flag.StringVar(&o.creds.APISecret, "api-secret", os.Getenv("TWILIO_API_SECRET"), "API key secret accepted (default $TWILIO_API_SECRET)")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "chat-emulator: unexpected arguments %q\n", flag.Args())
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "chat-emulator:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options, stdout io.Writer) error {
	c := o.creds
	if (c.AccountSid == "" || c.AuthToken == "") && (c.APIKey == "" || c.APISecret == "") {
		return errors.New("no credentials to accept: set -account-sid and -auth-token (or TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)")
	}
	var seed seedFile
	if o.seed != "" {
		var err error
		if seed, err = readSeed(o.seed); err != nil {
			return err
		}
	}
	srv := emulator.New(c)
	defer srv.Close()
	srv.SetLatency(o.latency, o.connLatency)
	base, err := srv.StartAt(o.addr)
	if err != nil {
		return err
	}
	// Seeding needs the base URL for url and links; no client knows the URL yet.
	seed.apply(srv, base, c.AccountSid)
	if o.urlFile != "" {
		if err := writeAtomically(o.urlFile, base); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "chat-emulator listening on %s\n", base)
	<-ctx.Done()
	return nil
}

type seedFile struct {
	Services map[string][]map[string]any `json:"services"`
}

var serviceSidPattern = regexp.MustCompile(`^IS[0-9a-fA-F]{32}$`)

func readSeed(path string) (seedFile, error) {
	var s seedFile
	b, err := os.ReadFile(path)
	if err != nil {
		return s, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	// Numbers stay as written: float64 would round large counts.
	dec.UseNumber()
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return s, fmt.Errorf("seed %s: %w", path, err)
	}
	for service := range s.Services {
		if !serviceSidPattern.MatchString(service) {
			return s, fmt.Errorf("seed %s: service sid %q does not match %s, so every fetch under it would be refused", path, service, serviceSidPattern)
		}
	}
	return s, nil
}

func (s seedFile) apply(srv *emulator.Server, base, accountSid string) {
	for service, users := range s.Services {
		srv.AddService(service)
		for _, u := range users {
			sid, _ := u["sid"].(string)
			identity, _ := u["identity"].(string)
			full := emulator.NewUser(base, accountSid, service, sid, identity)
			for _, k := range []string{"url", "links", "account_sid", "service_sid"} {
				if _, ok := u[k]; !ok {
					u[k] = full[k]
				}
			}
			srv.PutUser(service, u)
		}
	}
}

// writeAtomically keeps scripts polling for the file from reading it half written.
func writeAtomically(path, content string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".url-*")
	if err != nil {
		return err
	}
	_, err = tmp.WriteString(content)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}
