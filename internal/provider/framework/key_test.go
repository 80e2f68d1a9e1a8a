package framework

import (
	"strings"
	"testing"
)

func ptr[T any](v T) *T { return &v }

func TestKeyCheck(t *testing.T) {
	sid, identity := ptr("US0123456789abcdef0123456789abcdef"), ptr("jing")
	if diags := (Key{Field: "sid", Value: *sid}).Check("chat user", sid, identity); diags.HasError() {
		t.Fatal(diags)
	}
	if diags := (Key{Field: "identity", Value: "jing"}).Check("chat user", sid, identity); diags.HasError() {
		t.Fatal(diags)
	}
	diags := (Key{Field: "identity", Value: "Jing"}).Check("chat user", sid, identity)
	if len(diags) != 1 || diags[0].Summary() != "Twilio returned a different chat user" ||
		diags[0].Detail() != `Asked for the chat user with identity "Jing", but Twilio returned one whose identity is "jing" (sid "US0123456789abcdef0123456789abcdef"). Nothing was written to state.` {
		t.Fatalf("diags = %v", diags)
	}
	diags = (Key{Field: "sid", Value: "US0123456789abcdef0123456789abcdef"}).Check("chat user", nil, identity)
	if len(diags) != 1 || !strings.Contains(diags[0].Detail(), "whose sid is null (sid null)") {
		t.Fatalf("diags = %v", diags)
	}
}
