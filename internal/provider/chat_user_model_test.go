package provider

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

func ptr[T any](v T) *T { return &v }

func fullUser() *chat.User {
	return &chat.User{
		Sid:                 ptr("US0123456789abcdef0123456789abcdef"),
		AccountSid:          ptr("AC0123456789abcdef0123456789abcdef"),
		ServiceSid:          ptr("IS0123456789abcdef0123456789abcdef"),
		Attributes:          ptr(`{"team": "platform"}`),
		FriendlyName:        ptr("Jing Li"),
		RoleSid:             ptr("RL0123456789abcdef0123456789abcdef"),
		Identity:            ptr("jing"),
		IsOnline:            ptr(true),
		IsNotifiable:        ptr(false),
		DateCreated:         ptr("2016-03-24T21:05:19Z"),
		DateUpdated:         ptr("2016-03-25T08:00:00+01:00"),
		JoinedChannelsCount: ptr(int64(3)),
		Links:               map[string]*string{"user_channels": ptr("https://c/Channels"), "user_bindings": ptr("https://c/Bindings")},
		URL:                 ptr("https://chat.twilio.com/v2/Services/IS0123456789abcdef0123456789abcdef/Users/US0123456789abcdef0123456789abcdef"),
	}
}

func TestFlattenChatUser_everyField(t *testing.T) {
	var m chatUserFields
	if diags := flattenChatUser(fullUser(), &m); diags.HasError() {
		t.Fatal(errorText(diags))
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

func TestFlattenChatUser_eachNullableFieldNull(t *testing.T) {
	nullers := map[string]func(*chat.User){
		"sid":                   func(u *chat.User) { u.Sid = nil },
		"account_sid":           func(u *chat.User) { u.AccountSid = nil },
		"attributes":            func(u *chat.User) { u.Attributes = nil },
		"friendly_name":         func(u *chat.User) { u.FriendlyName = nil },
		"role_sid":              func(u *chat.User) { u.RoleSid = nil },
		"identity":              func(u *chat.User) { u.Identity = nil },
		"is_online":             func(u *chat.User) { u.IsOnline = nil },
		"is_notifiable":         func(u *chat.User) { u.IsNotifiable = nil },
		"date_created":          func(u *chat.User) { u.DateCreated = nil },
		"date_updated":          func(u *chat.User) { u.DateUpdated = nil },
		"joined_channels_count": func(u *chat.User) { u.JoinedChannelsCount = nil },
		"links":                 func(u *chat.User) { u.Links = nil },
		"url":                   func(u *chat.User) { u.URL = nil },
	}
	for name, setNull := range nullers {
		t.Run(name, func(t *testing.T) {
			u := fullUser()
			setNull(u)
			var m chatUserFields
			if diags := flattenChatUser(u, &m); diags.HasError() {
				t.Fatal(errorText(diags))
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

func TestFlattenChatUser_falseAndEmptyAreNotNull(t *testing.T) {
	u := fullUser()
	u.IsOnline, u.IsNotifiable, u.FriendlyName, u.JoinedChannelsCount = ptr(false), ptr(false), ptr(""), ptr(int64(0))
	u.Links = map[string]*string{}
	var m chatUserFields
	if diags := flattenChatUser(u, &m); diags.HasError() {
		t.Fatal(errorText(diags))
	}
	if m.IsOnline.IsNull() || m.IsOnline.ValueBool() || m.IsNotifiable.IsNull() || m.FriendlyName.IsNull() ||
		m.JoinedChannelsCount.IsNull() || m.Links.IsNull() || len(m.Links.Elements()) != 0 {
		t.Fatalf("model = %+v", m)
	}
}

func TestFlattenChatUser_badDateIsAnAttributeError(t *testing.T) {
	u := fullUser()
	u.DateCreated = ptr("24/03/2016")
	var m chatUserFields
	diags := flattenChatUser(u, &m)
	if !diags.HasError() || !strings.Contains(errorText(diags), `date_created = "24/03/2016", which is not an RFC 3339 date-time`) {
		t.Fatalf("diags = %s", errorText(diags))
	}
}

func TestLookupCheck(t *testing.T) {
	u := fullUser()
	if diags := (lookup{field: "sid", value: *u.Sid}).check("chat user", u.Sid, u.Identity); diags.HasError() {
		t.Fatal(diags)
	}
	if diags := (lookup{field: "identity", value: "jing"}).check("chat user", u.Sid, u.Identity); diags.HasError() {
		t.Fatal(diags)
	}
	diags := (lookup{field: "identity", value: "Jing"}).check("chat user", u.Sid, u.Identity)
	if len(diags) != 1 || diags[0].Summary() != "Twilio returned a different chat user" ||
		diags[0].Detail() != `Asked for the chat user with identity "Jing", but Twilio returned one whose identity is "jing" (sid "US0123456789abcdef0123456789abcdef"). Nothing was written to state.` {
		t.Fatalf("diags = %v", diags)
	}
	diags = (lookup{field: "sid", value: "US0123456789abcdef0123456789abcdef"}).check("chat user", nil, u.Identity)
	if len(diags) != 1 || !strings.Contains(diags[0].Detail(), "whose sid is null (sid null)") {
		t.Fatalf("diags = %v", diags)
	}
}

func TestDescribeReadError(t *testing.T) {
	target := readSubject{product: chatTitle, resource: "chat user", key: `with identity "jing" in service IS1`}
	credentials := "account_sid/auth_token (account AC1)"
	for _, tc := range []struct {
		err                 error
		summary, detailPart string
	}{
		{&twilio.APIError{StatusCode: 404, Code: 20404, Message: "The requested resource was not found", MoreInfo: "https://www.twilio.com/docs/errors/20404"},
			"chat user not found", `No chat user with identity "jing" in service IS1: HTTP 404, Twilio error 20404: The requested resource was not found; more info: https://www.twilio.com/docs/errors/20404.`},
		{&twilio.APIError{StatusCode: 403, Code: 20403, Message: "Service instance not found"}, "chat user not found", "Twilio error 20403: Service instance not found"},
		{&twilio.APIError{StatusCode: 401, Code: 20003, Message: "Authenticate"}, "Twilio authentication failed", "refused the credentials account_sid/auth_token (account AC1) while reading the chat user with identity"},
		{&twilio.APIError{StatusCode: 403, Code: 20003, Message: "Forbidden"}, "Twilio authentication failed", "account_sid/auth_token (account AC1)"},
		{&twilio.TransportError{Attempts: 1, Err: &twilio.HoldError{Host: "chat.twilio.com", Wait: time.Minute}}, "Twilio rate limit exceeded",
			"Twilio asked (Retry-After, on another request to chat.twilio.com) to wait 1m0s before the next request, longer than what remains of the read's timeout"},
		{&twilio.APIError{StatusCode: 429, Code: 20429, Message: "Too Many Requests", Attempts: 5}, "Twilio rate limit exceeded", "gave up after 5 attempts. The account's concurrency is shared with its other traffic: lower max_concurrent_requests to leave it more room, or raise max_retries."},
		{&twilio.APIError{StatusCode: 500, Code: 20500, Message: "Internal Server Error", Attempts: 4}, "Twilio Chat API error", "Reading the chat user with identity \"jing\" in service IS1: HTTP 500, Twilio error 20500: Internal Server Error"},
		{&twilio.DecodeError{StatusCode: 200, ContentType: "text/html", Excerpt: "<html>", Err: errors.New("expected a JSON object, got HTML or XML")},
			"Unexpected response from Twilio", `HTTP 200 with a body that is not a chat user (Content-Type "text/html"): expected a JSON object, got HTML or XML; body starts: "<html>"`},
		{&twilio.ListError{Page: 2, Err: &twilio.DecodeError{StatusCode: 200, Excerpt: "<", Err: errors.New("bad")}},
			"Unexpected response from Twilio", `page 2 of the list (1 read before it): HTTP 200 with a body that is not a chat user`},
		{&twilio.BodyTooLargeError{Limit: 10}, "Unexpected response from Twilio", "exceeds the 10 byte limit"},
		{&twilio.ListError{Page: 2, Err: &twilio.ForeignPageError{URL: "https://evil.example.com/x?Page=1", Reason: "names host evil.example.com"}},
			"Twilio's next_page_url points elsewhere", `"https://evil.example.com/x?Page=1" names host evil.example.com`},
		{&twilio.ListError{Page: 3, Err: &twilio.PageLoopError{URL: "https://chat.twilio.com/x?Page=1"}}, "Twilio's list pages loop", "repeats a page already read"},
		{context.DeadlineExceeded, "Timed out reading chat user", "within the read timeout of 3s, retries included. Raise timeouts.read"},
		{&twilio.ListError{Page: 3, Err: context.DeadlineExceeded}, "Timed out reading chat user", "within the read timeout of 3s, retries included (2 pages of the list read, page 3 unfinished)"},
		{context.Canceled, "Read cancelled", "Reading the chat user with identity \"jing\" in service IS1 was cancelled."},
		{&twilio.TransportError{Attempts: 3, Err: errors.New("connection refused")}, "Cannot reach Twilio", "connection refused (gave up after 3 attempts)"},
		{errors.New("a path segment (sid or identity) is empty"), "Cannot read chat user", "Reading the chat user with identity \"jing\" in service IS1: a path segment (sid or identity) is empty."},
	} {
		summary, detail := describeReadError(tc.err, target, credentials, 3*time.Second)
		if summary != tc.summary || !strings.Contains(detail, tc.detailPart) {
			t.Errorf("describeReadError(%v) = %q, %q; want %q containing %q", tc.err, summary, detail, tc.summary, tc.detailPart)
		}
	}
}
