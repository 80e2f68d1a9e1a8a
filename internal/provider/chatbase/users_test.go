package chatbase

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework/flattentest"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// fakeUsers is a service of users for readUsers, counting the calls made.
type fakeUsers struct {
	users          map[string]chatapi.User
	fetches, lists atomic.Int32
	fail           map[string]error
}

func newFakeUsers(identities ...string) *fakeUsers {
	f := &fakeUsers{users: map[string]chatapi.User{}, fail: map[string]error{}}
	for i, id := range identities {
		f.users[id] = chatapi.User{UserBase: chatapi.UserBase{Sid: flattentest.Ptr(fmt.Sprintf("US%032d", i)), Identity: flattentest.Ptr(id)}}
	}
	return f
}

// chatUsers reads Chat's users through the real client.
var chatUsers = framework.Objects[chatapi.User]{
	API: "Twilio Chat API", Resource: "chat user", Noun: "user", Plural: "users", NameField: "identity",
	Sid:  func(u *chatapi.User) *string { return u.Sid },
	Name: func(u *chatapi.User) *string { return u.Identity },
	Fetch: func(ctx context.Context, c *framework.Conn, serviceSid, identity string) (*chatapi.User, error) {
		return chatapi.New(c.Client("chat")).FetchUser(ctx, serviceSid, identity)
	},
}

// reads is chatUsers read from f, of a page of pageSize.
func (f *fakeUsers) reads(pageSize int) *UserList[chatapi.User, UserFields] {
	objects := chatUsers
	a := &UserList[chatapi.User, UserFields]{Users: &objects, PageSize: pageSize, Scope: ChatService}
	objects.Fetch = func(ctx context.Context, _ *framework.Conn, _, identity string) (*chatapi.User, error) {
		f.fetches.Add(1)
		time.Sleep(5 * time.Millisecond)
		if err := f.fail[identity]; err != nil {
			return nil, err
		}
		u, ok := f.users[identity]
		if !ok {
			return nil, &twilio.APIError{StatusCode: 404, Code: 20404, Message: "not found"}
		}
		return &u, nil
	}
	objects.List = func(context.Context, *framework.Conn, string) ([]chatapi.User, error) {
		f.lists.Add(1)
		var out []chatapi.User
		for _, u := range f.users {
			out = append(out, u)
		}
		return out, nil
	}
	return a
}

func identitySet(ids ...string) types.Set {
	values := make([]attr.Value, len(ids))
	for i, id := range ids {
		values[i] = types.StringValue(id)
	}
	return types.SetValueMust(types.StringType, values)
}

func identitiesOf(users []chatapi.User) string {
	ids := make([]string, len(users))
	for i, u := range users {
		ids[i] = *u.Identity
	}
	return strings.Join(ids, ",")
}

var testClients = framework.NewConn(nil, "account_sid/auth_token (account AC1)", time.Second)

func TestReadUsers_everyUserSortedByIdentityFromTheList(t *testing.T) {
	f := newFakeUsers("zoë", "Zed", "amy", "李静", "bob")
	users, _, diags := f.reads(100).read(context.Background(), testClients, "IS1", types.SetNull(types.StringType), false)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got := identitiesOf(users); got != "Zed,amy,bob,zoë,李静" {
		t.Fatalf("identities = %s", got)
	}
	if f.lists.Load() != 1 || f.fetches.Load() != 0 {
		t.Fatalf("lists %d fetches %d", f.lists.Load(), f.fetches.Load())
	}
}

func TestReadUsers_fewIdentitiesAreFetchedOneByOne(t *testing.T) {
	var ids []string
	for i := range 40 {
		ids = append(ids, fmt.Sprintf("user %02d", i))
	}
	f := newFakeUsers(ids...)
	users, _, diags := f.reads(50).read(context.Background(), testClients, "IS1", identitySet(ids[5:35]...), false)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if len(users) != 30 || *users[0].Identity != "user 05" || *users[29].Identity != "user 34" {
		t.Fatalf("identities = %s", identitiesOf(users))
	}
	if f.fetches.Load() != 30 || f.lists.Load() != 0 {
		t.Fatalf("fetches %d lists %d", f.fetches.Load(), f.lists.Load())
	}
}

func TestReadUsers_moreIdentitiesThanAPageAreFoundInTheList(t *testing.T) {
	var ids []string
	for i := range 8 {
		ids = append(ids, fmt.Sprintf("u%d", i))
	}
	f := newFakeUsers(ids...)
	users, _, diags := f.reads(3).read(context.Background(), testClients, "IS1", identitySet("u1", "u7", "u3", "u4"), false)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got := identitiesOf(users); got != "u1,u3,u4,u7" || f.lists.Load() != 1 || f.fetches.Load() != 0 {
		t.Fatalf("identities %s lists %d fetches %d", got, f.lists.Load(), f.fetches.Load())
	}
}

func TestReadUsers_missingIdentitiesAreAllNamed(t *testing.T) {
	for _, pageSize := range []int{100, 1} {
		f := newFakeUsers("amy", "bob")
		_, _, diags := f.reads(pageSize).read(context.Background(), testClients, "IS1", identitySet("bob", "nobody", "a/b?c", "amy"), false)
		if len(diags) != 1 || diags[0].Summary() != "chat user not found" ||
			diags[0].Detail() != `2 of the 4 identities asked for have no chat user in service IS1: "a/b?c", "nobody". Nothing was written to state. `+
				`Set allow_missing = true to read those that exist and list the others in missing_identities.` {
			t.Errorf("page size %d: diags = %v", pageSize, diags)
		}
	}
	var many []string
	for i := range 23 {
		many = append(many, fmt.Sprintf("ghost%02d", i))
	}
	_, _, diags := newFakeUsers().reads(100).read(context.Background(), testClients, "IS1", identitySet(many...), false)
	if len(diags) != 1 || !strings.Contains(diags[0].Detail(), `"ghost19" and 3 more. Nothing was written to state. Set allow_missing = true`) {
		t.Errorf("diags = %v", diags)
	}
}

func TestReadUsers_allowMissingReturnsTheMissingIdentities(t *testing.T) {
	for _, pageSize := range []int{100, 1} {
		f := newFakeUsers("amy", "bob")
		users, missing, diags := f.reads(pageSize).read(context.Background(), testClients, "IS1", identitySet("bob", "nobody", "a/b?c", "amy"), true)
		if diags.HasError() {
			t.Fatalf("page size %d: %v", pageSize, diags)
		}
		if got := identitiesOf(users); got != "amy,bob" || strings.Join(missing, ",") != "a/b?c,nobody" {
			t.Errorf("page size %d: users %s, missing %q", pageSize, got, missing)
		}
	}
	_, missing, diags := newFakeUsers("amy").reads(100).read(context.Background(), testClients, "IS1", identitySet("amy"), true)
	if diags.HasError() || len(missing) != 0 {
		t.Fatalf("missing %q, %v", missing, diags)
	}
}

func TestReadUsers_allowMissingStillFailsOnOtherErrors(t *testing.T) {
	f := newFakeUsers("amy", "bob")
	f.fail["bob"] = &twilio.APIError{StatusCode: 403, Code: 20403, Message: "Service instance not found"}
	_, _, diags := f.reads(100).read(context.Background(), testClients, "IS1", identitySet("amy", "bob", "ghost"), true)
	if len(diags) != 1 || diags[0].Summary() != "chat user not found" || !strings.Contains(diags[0].Detail(), `identity "bob"`) {
		t.Fatalf("diags = %v", diags)
	}
}

func TestReadUsers_anotherFailureFailsTheRead(t *testing.T) {
	f := newFakeUsers("amy", "bob", "cy")
	f.fail["bob"] = &twilio.APIError{StatusCode: 403, Code: 20403, Message: "Service instance not found"}
	_, _, diags := f.reads(100).read(context.Background(), testClients, "IS1", identitySet("amy", "bob", "cy"), false)
	if len(diags) != 1 || diags[0].Summary() != "chat user not found" ||
		!strings.HasPrefix(diags[0].Detail(), `No chat user with identity "bob" in service IS1: HTTP 403, Twilio error 20403: Service instance not found`) {
		t.Fatalf("diags = %v", diags)
	}
}

func TestReadUsers_aDifferentUserIsRefused(t *testing.T) {
	f := newFakeUsers("amy")
	f.users["Amy"] = f.users["amy"]
	_, _, diags := f.reads(100).read(context.Background(), testClients, "IS1", identitySet("Amy"), false)
	if len(diags) != 1 || diags[0].Summary() != "Twilio returned a different chat user" {
		t.Fatalf("diags = %v", diags)
	}
}

// fetchEach sends no request on a context that is done: every call the
// wrapper sees is counted, including those that would fail at once.
func TestReadUsers_cancelStopsTheFetches(t *testing.T) {
	var ids []string
	for i := range 50 {
		ids = append(ids, fmt.Sprintf("u%d", i))
	}
	for name, tc := range map[string]struct {
		ctx     func() (context.Context, context.CancelFunc)
		summary string
	}{
		"cancelled": {func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx, cancel
		}, "Read cancelled"},
		// A deadline that fired while no request was in flight: the users
		// exist, and were not read, so they are not "not found".
		"past its deadline": {func() (context.Context, context.CancelFunc) {
			return context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
		}, "Timed out reading chat user"},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFakeUsers(ids...)
			a := f.reads(100)
			var calls atomic.Int32
			fetch := a.Users.Fetch
			a.Users.Fetch = func(c context.Context, r *framework.Conn, s, id string) (*chatapi.User, error) {
				calls.Add(1)
				return fetch(c, r, s, id)
			}
			ctx, cancel := tc.ctx()
			defer cancel()
			_, _, diags := a.read(ctx, testClients, "IS1", identitySet(ids...), false)
			if len(diags) != 1 || diags[0].Summary() != tc.summary {
				t.Fatalf("diags = %v, want %q", diags, tc.summary)
			}
			if n := calls.Load(); n != 0 {
				t.Fatalf("%d fetches were started on a context that was done", n)
			}
		})
	}
}

// Through the real client: once the read is cancelled, no request of it
// reaches Twilio; the budget (1 here) holds the others back meanwhile.
func TestReadUsers_noRequestReachesTwilioAfterTheCancel(t *testing.T) {
	const testAccountSid, testAuthToken, testServiceSid = "AC0123456789abcdef0123456789abcdef", "emulator-auth-token-7d1e", "IS0123456789abcdef0123456789abcdef"
	emu := emulator.New(emulator.Credentials{AccountSid: testAccountSid, AuthToken: testAuthToken})
	if _, err := emu.Start(); err != nil {
		t.Fatal(err)
	}
	defer emu.Close()
	var ids []string
	for i := range 20 {
		id := fmt.Sprintf("u%02d", i)
		ids = append(ids, id)
		emu.PutUser(testServiceSid, emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, fmt.Sprintf("US%032d", i+1), id))
	}
	emu.SetLatency(200*time.Millisecond, 0)
	client, err := twilio.New(twilio.Config{HostLabel: chatapi.HostLabel, BaseURL: emu.URL(), Username: testAccountSid, Password: testAuthToken,
		MaxRetries: 2, Budget: twilio.NewBudget(1)})
	if err != nil {
		t.Fatal(err)
	}
	defer client.CloseIdleConnections()
	r := framework.NewConn(map[string]*twilio.Client{"chat": client}, "test", time.Minute)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sentBeforeCancel := make(chan int)
	go func() {
		for emu.RequestCount() == 0 {
			time.Sleep(time.Millisecond)
		}
		n := emu.RequestCount()
		cancel()
		sentBeforeCancel <- n
	}()
	a := &UserList[chatapi.User, UserFields]{Users: &chatUsers, PageSize: chatapi.MaxPageSize, Scope: ChatService}
	_, _, diags := a.read(ctx, r, testServiceSid, identitySet(ids...), false)
	before := <-sentBeforeCancel
	if len(diags) != 1 || diags[0].Summary() != "Read cancelled" {
		t.Fatalf("diags = %v", diags)
	}
	if got := emu.RequestCount(); got != before || before > 2 {
		t.Fatalf("%d requests reached the emulator, %d of them before the cancel (budget 1)", got, before)
	}
}

// The fetches log from their goroutines, as the HTTP client does, on a
// context with fields and masks (every read's): terraform-plugin-log masks
// by writing into the context's field map, so goroutines sharing one map
// crash the provider ("concurrent map iteration and map write").
func TestReadUsers_concurrentFetchesLogOnTheirOwnContexts(t *testing.T) {
	ctx := tflogtest.RootLogger(context.Background(), io.Discard)
	ctx = tflog.SetField(ctx, "tf_data_source_type", "twilio_chat_users")
	ctx = framework.MaskSecrets(ctx, []string{"secret-token"})
	var ids []string
	for i := range 50 {
		ids = append(ids, fmt.Sprintf("user %02d", i))
	}
	f := newFakeUsers(ids...)
	a := f.reads(50)
	fetch := a.Users.Fetch
	a.Users.Fetch = func(ctx context.Context, r *framework.Conn, serviceSid, identity string) (*chatapi.User, error) {
		for range 2000 {
			tflog.Debug(ctx, "Twilio API request", map[string]any{"url": "/Users/" + identity})
		}
		return fetch(ctx, r, serviceSid, identity)
	}
	users, _, diags := a.read(ctx, testClients, "IS1", identitySet(ids...), false)
	if diags.HasError() || len(users) != len(ids) {
		t.Fatalf("%d users, %v", len(users), diags)
	}
}
