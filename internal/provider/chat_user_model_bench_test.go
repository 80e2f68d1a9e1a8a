package provider

import "testing"

func BenchmarkFlattenChatUser(b *testing.B) {
	u := fullUser()
	b.ReportAllocs()
	for b.Loop() {
		var m chatUserFields
		if diags := flattenChatUser(u, &m); diags.HasError() {
			b.Fatal(errorText(diags))
		}
	}
}
