package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

// objectList must make of the users what State.Set's reflection makes of
// them: the same state, or the same diagnostics.
func TestObjectListIsWhatStateSetMakes(t *testing.T) {
	ctx := context.Background()
	full := func(i int) (chat.User, conversations.User) {
		s := func(v string) *string { return &v }
		yes, no, n := true, false, int64(i)
		links := map[string]*string{"user_channels": s("https://chat.example/u"), "user_bindings": nil}
		c := chat.User{
			Sid: s(fmt.Sprintf("US%032x", i+1)), Identity: s(fmt.Sprintf("user-%05d", i)), AccountSid: s(testAccountSid),
			Attributes: s(`{"a": [1, 2]}`), FriendlyName: s("Jing"), RoleSid: s("RL0123456789abcdef0123456789abcdef"),
			IsOnline: &yes, IsNotifiable: &no, DateCreated: s("2026-11-27T10:00:00Z"), DateUpdated: s("2026-11-27T11:00:00Z"),
			JoinedChannelsCount: &n, Links: links, URL: s("https://chat.example/u"),
		}
		v := conversations.User{
			Sid: c.Sid, Identity: c.Identity, AccountSid: c.AccountSid, ChatServiceSid: s(testServiceSid), RoleSid: c.RoleSid,
			FriendlyName: c.FriendlyName, Attributes: c.Attributes, IsOnline: c.IsOnline, IsNotifiable: c.IsNotifiable,
			DateCreated: c.DateCreated, DateUpdated: c.DateUpdated, URL: c.URL, Links: links,
		}
		return c, v
	}
	badJSON := "{not json"
	for _, tc := range []struct {
		name  string
		users int
		edit  func(i int, c *chat.User, v *conversations.User)
	}{
		{name: "no users", users: 0},
		{name: "every attribute set", users: 3},
		{name: "every attribute null", users: 2, edit: func(_ int, c *chat.User, v *conversations.User) {
			*c, *v = chat.User{}, conversations.User{}
		}},
		{name: "attributes that are not JSON", users: 4, edit: func(i int, c *chat.User, v *conversations.User) {
			if i >= 2 {
				c.Attributes, v.Attributes = &badJSON, &badJSON
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Read makes its slice, never nil: no users is an empty list.
			chatFields, convFields := make([]chatUserFields, 0), make([]conversationsUserFields, 0)
			for i := range tc.users {
				c, v := full(i)
				if tc.edit != nil {
					tc.edit(i, &c, &v)
				}
				var cf chatUserFields
				var vf conversationsUserFields
				if d := append(flattenChatUser(&c, &cf), flattenConversationsUser(&v, &vf)...); d.HasError() {
					t.Fatal(d)
				}
				cf.ServiceSid = types.StringValue(testServiceSid)
				chatFields, convFields = append(chatFields, cf), append(convFields, vf)
			}
			compareWithReflection(ctx, t, NewChatUsersDataSource(), chatFields)
			compareWithReflection(ctx, t, NewConversationsUsersDataSource(), convFields)
		})
	}
}

func compareWithReflection[T any](ctx context.Context, t *testing.T, ds datasource.DataSource, elems []T) {
	t.Helper()
	var resp datasource.SchemaResponse
	ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
	empty := func() tfsdk.State {
		return tfsdk.State{Schema: resp.Schema, Raw: tftypes.NewValue(resp.Schema.Type().TerraformType(ctx), nil)}
	}
	reflected, built := empty(), empty()
	wantDiags := reflected.SetAttribute(ctx, path.Root("users"), elems)
	list, gotDiags := objectList(ctx, resp.Schema, path.Root("users"), elems)
	if !gotDiags.HasError() {
		gotDiags.Append(built.SetAttribute(ctx, path.Root("users"), list)...)
	}
	if !gotDiags.Equal(wantDiags) {
		t.Fatalf("%T: diagnostics\n%v\nwant (State.Set's)\n%v", elems, gotDiags, wantDiags)
	}
	if wantDiags.HasError() {
		return
	}
	if !built.Raw.Equal(reflected.Raw) {
		t.Fatalf("%T: state\n%v\nwant (State.Set's)\n%v", elems, built.Raw, reflected.Raw)
	}
}
