package framework

import (
	"fmt"
	"strings"
	"testing"
)

// role is a role as a lookup sees it: a sid, a name and a type.
type role struct{ sid, name, typ *string }

func newRole(sid, name, typ string) role { return role{ptr(sid), ptr(name), ptr(typ)} }

// roles are roles' Objects as a product declares them, less the reads.
var roles = &Objects[role]{
	API: "Twilio Chat API", Resource: "chat role", Noun: "role", Plural: "roles", NameField: "friendly_name",
	Sid:  func(r *role) *string { return r.sid },
	Name: func(r *role) *string { return r.name },
	Kind: &Kind[role]{Attr: "type", Values: []string{"channel", "deployment"}, Of: func(r *role) *string { return r.typ }},
}

func TestMatch(t *testing.T) {
	items := []role{
		newRole("RL1", "supervisor", "channel"),
		newRole("RL2", "supervisor", "deployment"),
		newRole("RL3", "ops & on-call = yes", "deployment"),
		newRole("RL4", "李静 admin", "channel"),
		{sid: ptr("RL5")},
	}
	for _, tc := range []struct{ name, typ, want string }{
		{"supervisor", "deployment", "RL2"},
		{"supervisor", "channel", "RL1"},
		{"ops & on-call = yes", "", "RL3"},
		{"李静 admin", "", "RL4"},
	} {
		got, diags := roles.match(items, roles.names()[0], tc.name, tc.typ, "service IS1")
		if got == nil {
			t.Errorf("match(%q, %q): %v; want %s", tc.name, tc.typ, diags, tc.want)
			continue
		}
		if diags.HasError() || *got.sid != tc.want {
			t.Errorf("match(%q, %q) = %v, %v; want %s", tc.name, tc.typ, got, diags, tc.want)
		}
	}

	_, diags := roles.match(items, roles.names()[0], "supervisor", "", "service IS1")
	if len(diags) != 1 || diags[0].Summary() != "several chat roles match" ||
		diags[0].Detail() != `2 chat roles are named "supervisor" in service IS1: RL1 (type channel), RL2 (type deployment). Set type (`+"`channel` or `deployment`"+`) or sid to choose one.` {
		t.Errorf("several: %v", diags)
	}

	_, diags = roles.match(items, roles.names()[0], "Supervisor", "", "service IS1")
	if len(diags) != 1 || diags[0].Summary() != "chat role not found" ||
		diags[0].Detail() != `No chat role named "Supervisor" in service IS1; names are matched exactly, case included. The 5 roles there: "supervisor" (channel), "supervisor" (deployment), "ops & on-call = yes" (deployment), "李静 admin" (channel), null (no type).` {
		// Those that differ only in case come first: the likely typo.
		t.Errorf("case differs: %v", diags)
	}

	_, diags = roles.match(items, roles.names()[0], "supervisor", "nope", "service IS1")
	if len(diags) != 1 || !strings.Contains(diags[0].Detail(), `No chat role named "supervisor" of type "nope"`) {
		t.Errorf("type: %v", diags)
	}

	_, diags = roles.match(nil, roles.names()[0], "x", "", "service IS1")
	if len(diags) != 1 || !strings.HasSuffix(diags[0].Detail(), "The 0 roles there: none.") {
		t.Errorf("empty: %v", diags)
	}
}

func TestMatch_notFoundNamesTwentyRoles(t *testing.T) {
	var items []role
	for i := range 25 {
		items = append(items, newRole(fmt.Sprintf("RL%02d", i), fmt.Sprintf("role %02d", i), "channel"))
	}
	_, diags := roles.match(items, roles.names()[0], "missing", "", "service IS1")
	detail := diags[0].Detail()
	if !strings.Contains(detail, `The 25 roles there: "role 00" (channel), `) || !strings.HasSuffix(detail, `"role 19" (channel) and 5 more.`) || strings.Contains(detail, "role 20") {
		t.Fatalf("detail = %s", detail)
	}
}
