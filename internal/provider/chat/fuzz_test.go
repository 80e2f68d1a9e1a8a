package chat

import (
	"testing"

	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// FuzzDecodeAndFlatten: any response body gives state or an error, never a
// panic, and a null in the body is null in the model.
func FuzzDecodeAndFlatten(f *testing.F) {
	for _, seed := range []string{
		`{"sid":"US1","identity":"jing","is_online":true,"is_notifiable":null,"links":{"user_channels":"https://x"},"date_created":"2016-03-24T21:05:19Z"}`,
		`{"attributes":null,"friendly_name":null,"links":null,"joined_channels_count":null}`,
		`{"date_created":"yesterday"}`, `{"links":{"a":null,"b":""}}`, `{"is_online":"yes"}`, `[1]`, `{`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		u, err := chatapi.DecodeUser(body)
		if err != nil {
			return
		}
		var m userModel
		diags := flattenUser(u, &m)
		if diags.HasError() {
			return
		}
		if (u.IsOnline == nil) != m.IsOnline.IsNull() || (u.IsNotifiable == nil) != m.IsNotifiable.IsNull() ||
			(u.Attributes == nil) != m.Attributes.IsNull() || (u.Links == nil) != m.Links.IsNull() ||
			(u.JoinedChannelsCount == nil) != m.JoinedChannelsCount.IsNull() || (u.RoleSid == nil) != m.RoleSid.IsNull() {
			t.Fatalf("null not kept for body %q: %+v", body, m)
		}
	})
}
