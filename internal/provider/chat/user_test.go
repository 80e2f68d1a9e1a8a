package chat

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework/flattentest"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

var ptr = flattentest.Ptr[string]

func fullUser() *chatapi.User {
	return &chatapi.User{
		UserBase: chatapi.UserBase{
			Sid:          ptr("US0123456789abcdef0123456789abcdef"),
			AccountSid:   ptr("AC0123456789abcdef0123456789abcdef"),
			Attributes:   ptr(`{"team": "platform"}`),
			FriendlyName: ptr("Jing Li"),
			RoleSid:      ptr("RL0123456789abcdef0123456789abcdef"),
			Identity:     ptr("jing"),
			IsOnline:     flattentest.Ptr(true),
			IsNotifiable: flattentest.Ptr(false),
			DateCreated:  ptr("2016-03-24T21:05:19Z"),
			DateUpdated:  ptr("2016-03-25T08:00:00+01:00"),
			Links:        map[string]*string{"user_channels": ptr("https://c/Channels"), "user_bindings": ptr("https://c/Bindings")},
			URL:          ptr("https://chat.twilio.com/v2/Services/IS0123456789abcdef0123456789abcdef/Users/US0123456789abcdef0123456789abcdef"),
		},
		ServiceSid:          ptr("IS0123456789abcdef0123456789abcdef"),
		JoinedChannelsCount: flattentest.Ptr(int64(3)),
	}
}

func TestFlattenUser_everyField(t *testing.T) {
	var m userModel
	if diags := flattenUser(fullUser(), &m); diags.HasError() {
		t.Fatal(flattentest.ErrorText(diags))
	}
	strs := map[string]types.String{
		"US0123456789abcdef0123456789abcdef": m.Sid,
		"AC0123456789abcdef0123456789abcdef": m.AccountSid,
		"Jing Li":                            m.FriendlyName,
		"RL0123456789abcdef0123456789abcdef": m.RoleSid,
		"jing":                               m.Identity,
		"https://chat.twilio.com/v2/Services/IS0123456789abcdef0123456789abcdef/Users/US0123456789abcdef0123456789abcdef": m.URL,
	}
	for want, got := range strs {
		if got.IsNull() || got.ValueString() != want {
			t.Errorf("got %s, want %q", got, want)
		}
	}
	if m.Attributes.ValueString() != `{"team": "platform"}` {
		t.Errorf("attributes = %s (must be kept exactly as returned)", m.Attributes)
	}
	if !m.IsOnline.ValueBool() || m.IsOnline.IsNull() || m.IsNotifiable.ValueBool() || m.IsNotifiable.IsNull() {
		t.Errorf("is_online = %s, is_notifiable = %s", m.IsOnline, m.IsNotifiable)
	}
	if m.DateCreated.ValueString() != "2016-03-24T21:05:19Z" || m.DateUpdated.ValueString() != "2016-03-25T08:00:00+01:00" {
		t.Errorf("dates = %s, %s", m.DateCreated, m.DateUpdated)
	}
	if m.JoinedChannelsCount.ValueInt64() != 3 {
		t.Errorf("joined_channels_count = %s", m.JoinedChannelsCount)
	}
	wantLinks := types.MapValueMust(types.StringType, map[string]attr.Value{
		"user_channels": types.StringValue("https://c/Channels"), "user_bindings": types.StringValue("https://c/Bindings"),
	})
	if !m.Links.Equal(wantLinks) {
		t.Errorf("links = %s", m.Links)
	}
}

func TestFlattenUser_eachNullableFieldNull(t *testing.T) {
	nullers := map[string]func(*chatapi.User){
		"sid":                   func(u *chatapi.User) { u.Sid = nil },
		"account_sid":           func(u *chatapi.User) { u.AccountSid = nil },
		"attributes":            func(u *chatapi.User) { u.Attributes = nil },
		"friendly_name":         func(u *chatapi.User) { u.FriendlyName = nil },
		"role_sid":              func(u *chatapi.User) { u.RoleSid = nil },
		"identity":              func(u *chatapi.User) { u.Identity = nil },
		"is_online":             func(u *chatapi.User) { u.IsOnline = nil },
		"is_notifiable":         func(u *chatapi.User) { u.IsNotifiable = nil },
		"date_created":          func(u *chatapi.User) { u.DateCreated = nil },
		"date_updated":          func(u *chatapi.User) { u.DateUpdated = nil },
		"joined_channels_count": func(u *chatapi.User) { u.JoinedChannelsCount = nil },
		"links":                 func(u *chatapi.User) { u.Links = nil },
		"url":                   func(u *chatapi.User) { u.URL = nil },
	}
	for name, setNull := range nullers {
		t.Run(name, func(t *testing.T) {
			u := fullUser()
			setNull(u)
			var m userModel
			if diags := flattenUser(u, &m); diags.HasError() {
				t.Fatal(flattentest.ErrorText(diags))
			}
			values := map[string]attr.Value{
				"sid": m.Sid, "account_sid": m.AccountSid, "attributes": m.Attributes, "friendly_name": m.FriendlyName,
				"role_sid": m.RoleSid, "identity": m.Identity, "is_online": m.IsOnline, "is_notifiable": m.IsNotifiable,
				"date_created": m.DateCreated, "date_updated": m.DateUpdated, "joined_channels_count": m.JoinedChannelsCount,
				"links": m.Links, "url": m.URL,
			}
			for field, v := range values {
				if (field == name) != v.IsNull() {
					t.Errorf("%s null = %v, want %v", field, v.IsNull(), field == name)
				}
			}
		})
	}
}

func TestFlattenUser_falseAndEmptyAreNotNull(t *testing.T) {
	u := fullUser()
	u.IsOnline, u.IsNotifiable, u.FriendlyName, u.JoinedChannelsCount = flattentest.Ptr(false), flattentest.Ptr(false), ptr(""), flattentest.Ptr(int64(0))
	u.Links = map[string]*string{}
	var m userModel
	if diags := flattenUser(u, &m); diags.HasError() {
		t.Fatal(flattentest.ErrorText(diags))
	}
	if m.IsOnline.IsNull() || m.IsOnline.ValueBool() || m.IsNotifiable.IsNull() || m.FriendlyName.IsNull() ||
		m.JoinedChannelsCount.IsNull() || m.Links.IsNull() || len(m.Links.Elements()) != 0 {
		t.Fatalf("model = %+v", m)
	}
}

func TestFlattenUser_badDateIsAnAttributeError(t *testing.T) {
	u := fullUser()
	u.DateCreated = ptr("24/03/2016")
	var m userModel
	diags := flattenUser(u, &m)
	if !diags.HasError() || !strings.Contains(flattentest.ErrorText(diags), `date_created = "24/03/2016", which is not an RFC 3339 date-time`) {
		t.Fatalf("diags = %s", flattentest.ErrorText(diags))
	}
}
