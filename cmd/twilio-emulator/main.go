// Command twilio-emulator serves the in-memory Twilio Chat v2,
// Conversations v1, Flex v1, TaskRouter v1, Serverless v1 and Studio v2
// APIs of internal/emulator on a loopback port, for the demo and manual
// testing. Chat and Conversations are at the base URL it prints, Flex under
// its /flex (endpoints.flex), TaskRouter under its /taskrouter
// (endpoints.taskrouter; their /v1 paths are also Conversations'),
// Serverless under /serverless and Studio under /studio.
//
// Usage:
//
//	twilio-emulator -seed seed.json [-addr 127.0.0.1:0] [-latency 20ms] [-conn-latency 50ms] [-url-file FILE]
//
// The seed file holds the services with their users, roles and
// Conversations configuration, the account's Conversations configuration,
// whose default_chat_service_sid is the service that /v1/Users and
// /v1/Roles read, the account's Flex configuration, and switches for what a
// Flex account holds, which has too many cross-references to write out by
// hand (the emulator's SeedFlexTaskRouter, SeedFlexServerless and
// SeedFlexStudio: the TaskRouter workspace with its activities, channels,
// queue and workflow; the "default" service with its "dev" and "prod"
// environments; "Voice IVR" and the other Studio flows, the Flex Flows on
// the Flex configuration's chat service):
//
//	{
//	  "account": {"default_chat_service_sid": "IS0123..."},
//	  "flex": {"flex_service_instance_sid": "IS0123...", "ui_version": "2.9.1"},
//	  "flex_taskrouter": true,
//	  "flex_serverless": true,
//	  "flex_studio": true,
//	  "services": {
//	    "IS0123...": {
//	      "service": {"friendly_name": "Flex Chat Service"},
//	      "users": [{"sid": "US...", "identity": "jing", "role_sid": "RL..."}],
//	      "roles": [{"sid": "RL...", "friendly_name": "admin", "type": "deployment"}],
//	      "configuration": {"reachability_enabled": true}
//	    }
//	  }
//	}
//
// The older form, a list of users for each service
// ({"services": {"IS0123...": [users...]}}), is read too. Everything is
// served as given, except that fields left out are filled in as Twilio
// would, so seeds stay short: a user's url, links, account_sid and
// service_sid; a role's url, account_sid, service_sid, dates and
// permissions (the type's defaults); any field of a service (whose sid is
// its key, and friendly_name null unless given) or of a configuration
// (Flex's too, whose services default to the account's default service).
// Every service is listed by /v2/Services and /v1/Services. A role needs
// its sid (roles are found by sid only) and its type; the services a
// configuration names must be in the seed. The TaskRouter objects have the
// sids the generated Flex configuration names, so a seed with both leaves
// the flex section's taskrouter_* sids out.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

type options struct {
	seed, addr, urlFile  string
	latency, connLatency time.Duration
	creds                emulator.Credentials
}

func main() {
	var o options
	flag.StringVar(&o.seed, "seed", "", "JSON seed file of services (users, roles, configuration), the account configuration, the Flex configuration and the Flex seeds of TaskRouter, Serverless and Studio")
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
		fmt.Fprintf(os.Stderr, "twilio-emulator: unexpected arguments %q\n", flag.Args())
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "twilio-emulator:", err)
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
	fmt.Fprintf(stdout, "twilio-emulator listening on %s (Flex on %s, TaskRouter on %s, Serverless on %s, Studio on %s)\n",
		base, base+emulator.FlexBasePath, base+emulator.TaskRouterBasePath, base+emulator.ServerlessBasePath, base+emulator.StudioBasePath)
	<-ctx.Done()
	return nil
}

type seedFile struct {
	Account  map[string]any         `json:"account"`
	Flex     map[string]any         `json:"flex"`
	Services map[string]seedService `json:"services"`
	// FlexTaskRouter, FlexServerless and FlexStudio seed what Flex makes
	// in a new account, which has too many cross-references to write out
	// by hand.
	FlexTaskRouter bool `json:"flex_taskrouter"`
	FlexServerless bool `json:"flex_serverless"`
	FlexStudio     bool `json:"flex_studio"`
}

type seedService struct {
	Service       map[string]any   `json:"service"`
	Users         []map[string]any `json:"users"`
	Roles         []map[string]any `json:"roles"`
	Configuration map[string]any   `json:"configuration"`
}

// UnmarshalJSON reads a service in either form: an object, or the older
// bare list of users.
func (sv *seedService) UnmarshalJSON(b []byte) error {
	if trimmed := bytes.TrimSpace(b); len(trimmed) > 0 && trimmed[0] == '[' {
		return decodeStrict(b, &sv.Users)
	}
	type plain seedService
	return decodeStrict(b, (*plain)(sv))
}

// decodeStrict keeps numbers as written (float64 would round large
// counts) and refuses unknown fields, which are more likely typos than
// intent.
func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

var (
	serviceSidPattern = sid.Pattern(sid.Service)
	roleSidPattern    = sid.Pattern(sid.Role)
)

func readSeed(path string) (seedFile, error) {
	var s seedFile
	b, err := os.ReadFile(path)
	if err != nil {
		return s, err
	}
	if err := decodeStrict(b, &s); err != nil {
		return s, fmt.Errorf("seed %s: %w", path, err)
	}
	if err := s.validate(); err != nil {
		return s, fmt.Errorf("seed %s: %w", path, err)
	}
	return s, nil
}

func (s seedFile) validate() error {
	for service, sv := range s.Services {
		if !serviceSidPattern.MatchString(service) {
			return fmt.Errorf("service sid %q does not match %s, so every fetch under it would be refused", service, serviceSidPattern)
		}
		if got, ok := sv.Service["sid"]; ok && got != service {
			return fmt.Errorf("services.%s.service: sid %v is not the service's key", service, got)
		}
		for i, r := range sv.Roles {
			if sid, _ := r["sid"].(string); !roleSidPattern.MatchString(sid) {
				return fmt.Errorf("services.%s.roles[%d]: sid %v does not match %s, and roles are found by sid only", service, i, r["sid"], roleSidPattern)
			}
			if t := r["type"]; t != "channel" && t != "deployment" {
				return fmt.Errorf("services.%s.roles[%d]: type %v is neither \"channel\" nor \"deployment\"", service, i, t)
			}
		}
	}
	for _, ref := range []struct {
		section string
		object  map[string]any
		field   string
	}{
		{"account", s.Account, "default_chat_service_sid"},
		{"flex", s.Flex, "chat_service_instance_sid"},
		{"flex", s.Flex, "flex_service_instance_sid"},
	} {
		if service, ok := ref.object[ref.field].(string); ok {
			if _, known := s.Services[service]; !known {
				return fmt.Errorf("%s.%s %q is not one of the seed's services", ref.section, ref.field, service)
			}
		}
	}
	return nil
}

// apply puts the seed in srv, services in SID order so that the lists the
// emulator serves come out the same on every run.
func (s seedFile) apply(srv *emulator.Server, base, accountSid string) {
	for _, service := range slices.Sorted(maps.Keys(s.Services)) {
		sv := s.Services[service]
		object := sv.Service
		if object == nil {
			object = map[string]any{"friendly_name": nil}
		}
		object["sid"] = service
		srv.PutService(fillMissing(object, emulator.NewService(base, accountSid, service, "")))
		for _, u := range sv.Users {
			sid, _ := u["sid"].(string)
			identity, _ := u["identity"].(string)
			fillMissing(u, emulator.NewUser(base, accountSid, service, sid, identity), "url", "links", "account_sid", "service_sid")
			srv.PutUser(service, u)
		}
		for _, r := range sv.Roles {
			sid, _ := r["sid"].(string)
			name, _ := r["friendly_name"].(string)
			chatType, _ := r["type"].(string)
			fillMissing(r, emulator.NewRole(base, accountSid, service, sid, name, chatType, nil), "url", "account_sid", "service_sid", "date_created", "date_updated", "permissions")
			srv.PutRole(service, r)
		}
		if sv.Configuration != nil {
			srv.SetServiceConfiguration(service, fillMissing(sv.Configuration, emulator.NewServiceConfiguration(base, service)))
		}
	}
	def, _ := s.Account["default_chat_service_sid"].(string)
	if s.Account != nil {
		srv.SetAccountConfiguration(fillMissing(s.Account, emulator.NewAccountConfiguration(base, accountSid, def)))
	}
	if s.Flex != nil {
		srv.SetFlexConfiguration(fillMissing(s.Flex, emulator.NewFlexConfiguration(base+emulator.FlexBasePath, accountSid, def)))
	}
	// After the Flex configuration, whose chat service the Flex Flows are on.
	if s.FlexTaskRouter {
		srv.SeedFlexTaskRouter()
	}
	if s.FlexServerless {
		srv.SeedFlexServerless()
	}
	if s.FlexStudio {
		srv.SeedFlexStudio()
	}
}

// fillMissing sets the given keys of m that it lacks (all of full's when
// none are given) from full, keeping the ones m has, nulls included.
func fillMissing(m, full map[string]any, keys ...string) map[string]any {
	if len(keys) == 0 {
		for k := range full {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			m[k] = full[k]
		}
	}
	return m
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
