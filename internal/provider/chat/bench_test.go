package chat

import (
	"testing"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework/flattentest"
)

func BenchmarkFlattenUser(b *testing.B) {
	u := fullUser()
	b.ReportAllocs()
	for b.Loop() {
		var m userModel
		if diags := flattenUser(u, &m); diags.HasError() {
			b.Fatal(flattentest.ErrorText(diags))
		}
	}
}
