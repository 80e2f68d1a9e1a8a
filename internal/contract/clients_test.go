package contract_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/flex"
)

// Every request the product clients send, on every operation the provider
// uses, pages of lists included, is one the specs document: the path
// routes to the operation meant, its parameters match their patterns and
// bounds (PageSize at most the API's maximum), and it carries HTTP Basic.
func TestProductClients_requestsMatchTheSpecs(t *testing.T) {
	sp := loadSpecs(t)
	emu := newFamily()
	base, err := emu.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(emu.Close)
	for i := range 120 {
		emu.PutUser(svc, emulator.NewUser(base, acct, svc, fmt.Sprintf("US%032d", i), fmt.Sprintf("user %03d/李", i)))
	}
	emu.PutUser(svc, emulator.NewUser(base, acct, svc, "US"+fmt.Sprintf("%032d", 999), "a/b?c#d 100%+"))
	newAPI := func(api, baseURL string) *twilio.Client {
		c, err := twilio.New(twilio.Config{HostLabel: api, BaseURL: baseURL, Username: acct, Password: token, UserAgent: "contract-test"})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	ch, conv := chat.New(newAPI(chat.HostLabel, base)), conversations.New(newAPI(conversations.HostLabel, base))
	fl := flex.New(newAPI(flex.HostLabel, emu.FlexURL()))
	ctx := context.Background()
	calls := []struct {
		operation string // the spec's path template the requests must route to
		call      func() error
	}{
		{"/v2/Services/{ServiceSid}/Users/{Sid}", func() error { _, err := ch.FetchUser(ctx, svc, "a/b?c#d 100%+"); return err }},
		{"/v2/Services/{ServiceSid}/Users", func() error { _, err := ch.ListUsers(ctx, svc); return err }},
		{"/v2/Services/{ServiceSid}/Roles/{Sid}", func() error { _, err := ch.FetchRole(ctx, svc, channelRole); return err }},
		{"/v2/Services/{ServiceSid}/Roles", func() error { _, err := ch.ListRoles(ctx, svc); return err }},
		{"/v1/Services/{ChatServiceSid}/Users/{Sid}", func() error { _, err := conv.FetchUser(ctx, svc, "a/b?c#d 100%+"); return err }},
		{"/v1/Users/{Sid}", func() error { _, err := conv.FetchUser(ctx, "", "a/b?c#d 100%+"); return err }},
		{"/v1/Services/{ChatServiceSid}/Users", func() error { _, err := conv.ListUsers(ctx, svc); return err }},
		{"/v1/Users", func() error { _, err := conv.ListUsers(ctx, ""); return err }},
		{"/v1/Services/{ChatServiceSid}/Roles/{Sid}", func() error { _, err := conv.FetchRole(ctx, svc, serviceRole); return err }},
		{"/v1/Roles/{Sid}", func() error { _, err := conv.FetchRole(ctx, "", serviceRole); return err }},
		{"/v1/Services/{ChatServiceSid}/Roles", func() error { _, err := conv.ListRoles(ctx, svc); return err }},
		{"/v1/Roles", func() error { _, err := conv.ListRoles(ctx, ""); return err }},
		{"/v1/Services/{ChatServiceSid}/Configuration", func() error { _, err := conv.FetchServiceConfiguration(ctx, svc); return err }},
		{"/v1/Configuration", func() error { _, err := conv.FetchConfiguration(ctx); return err }},
		{"/v2/Services/{Sid}", func() error { _, err := ch.FetchService(ctx, svc); return err }},
		{"/v2/Services", func() error { _, err := ch.ListServices(ctx); return err }},
		{"/v1/Services/{Sid}", func() error { _, err := conv.FetchService(ctx, svc); return err }},
		{"/v1/Services", func() error { _, err := conv.ListServices(ctx); return err }},
		{"/v1/Configuration", func() error { _, err := fl.FetchConfiguration(ctx, ""); return err }},
		{"/v1/Configuration", func() error { _, err := fl.FetchConfiguration(ctx, "1.34.0"); return err }},
	}
	for _, c := range calls {
		emu.Reset()
		if err := c.call(); err != nil {
			t.Errorf("%s: %v", c.operation, err)
			continue
		}
		reqs := emu.Requests()
		if len(reqs) == 0 {
			t.Errorf("%s: no request reached the emulator", c.operation)
		}
		for _, got := range reqs {
			req, err := http.NewRequest(got.Method, base+got.EscapedPath+"?"+got.RawQuery, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header = got.Header
			spec, req := sp.at(req)
			if err := spec.ValidateRequest(ctx, req); err != nil {
				t.Errorf("%s: request %s?%s does not match the spec: %v", c.operation, got.EscapedPath, got.RawQuery, err)
				continue
			}
			route, _, err := spec.Route(req)
			if err != nil || route.Path != c.operation || route.Method != http.MethodGet {
				t.Errorf("%s: request %s routed to %v (%v)", c.operation, got.EscapedPath, route, err)
			}
		}
	}
}
