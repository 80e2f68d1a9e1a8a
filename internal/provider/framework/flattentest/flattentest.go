// Package flattentest checks a product's flatten the same way for every
// type: every attribute set from a full answer, and each field of the
// answer, set to null, null in state and nothing else.
package flattentest

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Ptr is a pointer to v, for API objects built in tests.
func Ptr[T any](v T) *T { return &v }

// ErrorText is diags as one line, for test failures.
func ErrorText(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary() + ": " + d.Detail() + "\n")
	}
	return b.String()
}

// Values maps the tfsdk names of a model's fields (those of embedded
// structs included) to their values; timeouts, an argument only, is left out.
func Values(model any) map[string]attr.Value {
	out := map[string]attr.Value{}
	collectTFValues(reflect.Indirect(reflect.ValueOf(model)), out)
	return out
}

// collectTFValues walks values rather than interfaces: the embedded structs
// are unexported, and reflect only hands out their exported fields.
func collectTFValues(v reflect.Value, out map[string]attr.Value) {
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if f.Anonymous {
			collectTFValues(v.Field(i), out)
			continue
		}
		if tag := f.Tag.Get("tfsdk"); tag != "" && tag != "timeouts" {
			if val, ok := v.Field(i).Interface().(attr.Value); ok {
				out[tag] = val
			}
		}
	}
}

// Check decodes full (a JSON object whose keys are Twilio's field
// names, which are also the model's attribute names) into an API object A,
// flattens it into a model M, and checks every attribute against want.
// Then, for each field of full in turn, it sets that field to null and
// checks that exactly its attribute is null. Attributes in want that are
// not in full (arguments) are expected as in want both times.
func Check[A, M any](t *testing.T, full string, flatten func(*A, *M) diag.Diagnostics, want map[string]attr.Value) {
	t.Helper()
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(full), &fields); err != nil {
		t.Fatal(err)
	}
	run := func(body []byte) map[string]attr.Value {
		t.Helper()
		var api A
		if err := json.Unmarshal(body, &api); err != nil {
			t.Fatal(err)
		}
		var m M
		if diags := flatten(&api, &m); diags.HasError() {
			t.Fatalf("flatten(%s): %v", body, diags)
		}
		return Values(&m)
	}
	got := run([]byte(full))
	for name, w := range want {
		if !got[name].Equal(w) {
			t.Errorf("%s = %s, want %s", name, got[name], w)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("attribute %s is not checked", name)
		}
	}
	for field := range fields {
		t.Run(field+"=null", func(t *testing.T) {
			nulled := map[string]json.RawMessage{}
			for k, v := range fields {
				nulled[k] = v
			}
			nulled[field] = json.RawMessage("null")
			body, _ := json.Marshal(nulled)
			for name, v := range run(body) {
				if _, isField := fields[name]; !isField {
					continue
				}
				if v.IsNull() != (name == field) {
					t.Errorf("%s: null = %v, want %v", name, v.IsNull(), name == field)
				}
			}
		})
	}
}
