package provider

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// usersSource is one of the two bulk users data sources, as the tests see
// it, with its singular twin.
type usersSource struct {
	name, singular string // the data sources' types
	serviceArg     string
	resource       string // "chat user"
	listRoute      emulator.RouteName
	fetchRoute     emulator.RouteName
	listPath       string // of testServiceSid's users
	pageSize       int    // the largest page the provider asks for
	attrs          []string
}

var (
	chatUsersSource = usersSource{
		name: "twilio_chat_users", singular: "twilio_chat_user", serviceArg: "service_sid", resource: "chat user",
		listRoute: emulator.RouteChatUsers, fetchRoute: emulator.RouteChatUser,
		listPath: "/v2/Services/" + testServiceSid + "/Users", pageSize: 100,
		attrs: []string{"service_sid", "sid", "identity", "account_sid", "attributes", "friendly_name", "role_sid", "is_online",
			"is_notifiable", "date_created", "date_updated", "joined_channels_count", "links", "url"},
	}
	conversationsUsersSource = usersSource{
		name: "twilio_conversations_users", singular: "twilio_conversations_user", serviceArg: "chat_service_sid", resource: "conversations user",
		listRoute: emulator.RouteConversationsUsers, fetchRoute: emulator.RouteConversationsUser,
		listPath: "/v1/Services/" + testServiceSid + "/Users", pageSize: 50,
		attrs: []string{"chat_service_sid", "sid", "identity", "account_sid", "role_sid", "friendly_name", "attributes", "is_online",
			"is_notifiable", "date_created", "date_updated", "url", "links"},
	}
	usersSources = []usersSource{chatUsersSource, conversationsUsersSource}
)

func (s usersSource) addr(name string) string { return "data." + s.name + "." + name }

// block is a data block of s named name reading testServiceSid's users,
// with more arguments if given.
func (s usersSource) block(name string, more ...hclArg) string {
	return dataBlock(s.name, name, append([]hclArg{str(s.serviceArg, testServiceSid)}, more...)...)
}

// listRead is the requests of one read of the users of testServiceSid, as
// the package function.
func (s usersSource) listRead(size int, lastSeqs ...uint64) []string {
	return listRead(s.listRoute, s.listPath, s.pageSize, size, lastSeqs...)
}

// fetchRead is the requests of one read of identities one by one.
func (s usersSource) fetchRead(status int, identities ...string) []string {
	read := make([]string, len(identities))
	for i, id := range identities {
		read[i] = fmt.Sprintf("%d %s %s/%s?", status, s.fetchRoute, s.listPath, escapedSegment(id))
	}
	return read
}

func userSid(i int) string { return fmt.Sprintf("US%032d", i) }

// putUsers stores users with sids userSid(first), userSid(first+1)… and
// the identities given, in testServiceSid.
func putUsers(emu *emulator.Server, first int, identities ...string) {
	for i, id := range identities {
		emu.PutUser(testServiceSid, emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, userSid(first+i), id))
	}
}

// numbered is n identities "u000", "u001"…, in byte order.
func numbered(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("u%03d", i)
	}
	return ids
}

// hclStrings is an HCL list of the strings.
func hclStrings(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = hclString(v)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// identitiesAre checks the identities of the users in addr, in order.
func identitiesAre(addr string, identities ...string) statecheck.StateCheck {
	checks := make([]knownvalue.Check, len(identities))
	for i, id := range identities {
		checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"identity": knownvalue.StringExact(id)})
	}
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New("users"), knownvalue.ListExact(checks))
}

// userAt is the path of attribute attr of the i-th user.
func userAt(i int, attr string) tfjsonpath.Path {
	return tfjsonpath.New("users").AtSliceIndex(i).AtMapKey(attr)
}

// fiveUsersOnThreePages stores the users "u1" to "u5" (userSid(1) to
// userSid(5)), served two a page.
func fiveUsersOnThreePages(emu *emulator.Server) {
	emu.SetMaxPageSize(2)
	putUsers(emu, 1, "u1", "u2", "u3", "u4", "u5")
}

func TestAccChatUsersAndConversationsUsers_everyAttributeAsTheSingularOneSortedByIdentity(t *testing.T) {
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			// Stored out of order; listed in byte order: "Zed" < "amy" < "bob" < "李静".
			putUsers(emu, 1, "李静", "bob")
			emu.PutUser(testServiceSid, map[string]any{
				"sid": userSid(3), "identity": "Zed", "service_sid": testServiceSid, "account_sid": nil, "attributes": nil,
				"friendly_name": nil, "role_sid": nil, "is_online": nil, "is_notifiable": nil, "date_created": nil,
				"date_updated": nil, "links": nil, "url": nil,
			})
			amy := emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, userSid(4), "amy")
			amy["is_online"], amy["attributes"], amy["friendly_name"], amy["joined_channels_count"] = false, `{"team":"ops"}`, "", 0
			emu.PutUser(testServiceSid, amy)
			sorted := []string{"Zed", "amy", "bob", "李静"}
			config := providerBlock(emu) + s.block("all")
			checks := []statecheck.StateCheck{
				identitiesAre(s.addr("all"), sorted...),
				statecheck.ExpectKnownValue(s.addr("all"), userAt(0, "friendly_name"), knownvalue.Null()),
				statecheck.ExpectKnownValue(s.addr("all"), userAt(0, "is_online"), knownvalue.Null()),
				statecheck.ExpectKnownValue(s.addr("all"), userAt(0, "links"), knownvalue.Null()),
				statecheck.ExpectKnownValue(s.addr("all"), userAt(1, "is_online"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(s.addr("all"), userAt(1, "friendly_name"), knownvalue.StringExact("")),
				statecheck.ExpectKnownValue(s.addr("all"), userAt(3, "sid"), knownvalue.StringExact(userSid(1))),
			}
			for i, id := range sorted {
				name := fmt.Sprintf("u%d", i)
				config += dataBlock(s.singular, name, str(s.serviceArg, testServiceSid), str("identity", id))
				for _, attr := range s.attrs {
					checks = append(checks, statecheck.CompareValuePairs(
						s.addr("all"), userAt(i, attr), "data."+s.singular+"."+name, tfjsonpath.New(attr), compare.ValuesSame()))
				}
			}
			accTest(t, resource.TestStep{Config: config, ConfigStateChecks: checks})
		})
	}
}

func TestAccChatUsersAndConversationsUsers_onePagePerRequestWithoutIdentities(t *testing.T) {
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			all := numbered(250)
			putUsers(emu, 1, all...)
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + s.block("all"),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(s.addr("all"), "users", knownvalue.ListSizeExact(250)),
					statecheck.ExpectKnownValue(s.addr("all"), userAt(0, "identity"), knownvalue.StringExact("u000")),
					statecheck.ExpectKnownValue(s.addr("all"), userAt(249, "identity"), knownvalue.StringExact("u249")),
					statecheck.ExpectKnownValue(s.addr("all"), userAt(249, "sid"), knownvalue.StringExact(userSid(250))),
					expectAttr(s.addr("all"), "identities", knownvalue.Null()),
				},
			})
			var lastSeqs []uint64
			for seq := s.pageSize; seq < 250; seq += s.pageSize {
				lastSeqs = append(lastSeqs, uint64(seq))
			}
			// Chat: 3 requests of 100; Conversations: 5 of 50.
			expectReads(t, emu, false, s.listRead(s.pageSize, lastSeqs...)...)
		})
	}
}

func TestAccChatUsersAndConversationsUsers_userOnTwoPagesIsListedOnce(t *testing.T) {
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			fiveUsersOnThreePages(emu)
			var once sync.Once
			var moved atomic.Bool
			emu.SetPageHook(func(route emulator.RouteName, page int) {
				if route == s.listRoute && page == 1 {
					// u1, served on page 1, moves to the end of the list: page 3.
					once.Do(func() {
						moved.Store(emu.DeleteUser(testServiceSid, "u1"))
						putUsers(emu, 1, "u1")
					})
				}
			})
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + s.block("all"),
				ConfigStateChecks: []statecheck.StateCheck{
					identitiesAre(s.addr("all"), "u1", "u2", "u3", "u4", "u5"),
					statecheck.ExpectKnownValue(s.addr("all"), userAt(0, "sid"), knownvalue.StringExact(userSid(1))),
				},
			})
			if !moved.Load() {
				t.Fatal("the page hook did not move u1")
			}
			// The first read: u1 u2 | u3 u4 | u5 u1; the later ones:
			// u2 u3 | u4 u5 | u1.
			expectFirstReadThenReads(t, emu, s.listRead(2, 2, 4), s.listRead(2, 3, 5)...)
		})
	}
}

func TestAccChatUsersAndConversationsUsers_missingIdentitiesAreNamed(t *testing.T) {
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			t.Run("one by one", func(t *testing.T) {
				emu := startBareEmulator(t)
				putUsers(emu, 1, "amy", "bob")
				accTest(t, resource.TestStep{
					Config: providerBlock(emu) + s.block("some", expr("identities", `["amy", "ghost", "bob"]`)),
					ExpectError: errorPattern(s.resource+" not found",
						fmt.Sprintf(`1 of the 3 identities asked for have no %s in service %s: "ghost". Nothing was written to state.`, s.resource, testServiceSid)),
				})
				expectReads(t, emu, true, append(s.fetchRead(200, "amy", "bob"), s.fetchRead(404, "ghost")...)...)
			})
			t.Run("from the list", func(t *testing.T) {
				emu := startBareEmulator(t)
				putUsers(emu, 1, numbered(s.pageSize)...)
				wanted := append(numbered(s.pageSize), "zz-ghost", "ghost")
				accTest(t, resource.TestStep{
					Config: providerBlock(emu) + s.block("some", expr("identities", hclStrings(wanted))),
					ExpectError: errorPattern(s.resource+" not found",
						fmt.Sprintf(`2 of the %d identities asked for have no %s in service %s: "ghost", "zz-ghost". Nothing was written to state.`,
							s.pageSize+2, s.resource, testServiceSid)),
				})
				expectReads(t, emu, false, s.listRead(s.pageSize)...)
			})
		})
	}
}

func TestAccChatUsersAndConversationsUsers_identitiesOneByOneUpToAPageElseTheListFiltered(t *testing.T) {
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			all := numbered(s.pageSize + 20)
			putUsers(emu, 1, all...)
			// As many as a page holds, and not in order: one GET each.
			few := slices.Clone(all[20:])
			slices.Reverse(few)
			// One more: the list, two pages, filtered.
			many := all[:s.pageSize+1]
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) +
					s.block("few", expr("identities", hclStrings(few))) +
					s.block("many", expr("identities", fmt.Sprintf(`[for i in range(%d) : format("u%%03d", i)]`, len(many)))),
				ConfigStateChecks: []statecheck.StateCheck{
					identitiesAre(s.addr("few"), all[20:]...),
					statecheck.ExpectKnownValue(s.addr("few"), userAt(0, "sid"), knownvalue.StringExact(userSid(21))),
					identitiesAre(s.addr("many"), many...),
					statecheck.ExpectKnownValue(s.addr("many"), userAt(s.pageSize, "sid"), knownvalue.StringExact(userSid(s.pageSize+1))),
				},
			})
			expectReads(t, emu, true, append(s.fetchRead(200, few...), s.listRead(s.pageSize, uint64(s.pageSize))...)...)
		})
	}
}

func TestAccChatUsersAndConversationsUsers_oddIdentitiesInBothModes(t *testing.T) {
	odd := []string{"team/jing", "jing?admin=true", "jing#1", "100%jing", "jing+ops@example.com", "Jing Li", "李静 🚀", "a&b=c", "${jing}%{ if true }ops%{ endif }"}
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			putUsers(emu, 1, odd...)
			filler := numbered(s.pageSize)
			putUsers(emu, 1+len(odd), filler...)
			listed := append(slices.Clone(odd), filler...)
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) +
					s.block("one_by_one", expr("identities", hclStrings(odd))) +
					s.block("listed", expr("identities", hclStrings(listed))),
				ConfigStateChecks: []statecheck.StateCheck{
					identitiesAre(s.addr("one_by_one"), slices.Sorted(slices.Values(odd))...),
					identitiesAre(s.addr("listed"), slices.Sorted(slices.Values(listed))...),
				},
			})
			lastSeq := uint64(s.pageSize)
			expectReads(t, emu, true, append(s.fetchRead(200, odd...), s.listRead(s.pageSize, lastSeq)...)...)
		})
	}
}

func TestAccChatUsersAndConversationsUsers_pageAnswering503IsRetried(t *testing.T) {
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			fiveUsersOnThreePages(emu)
			emu.InjectRouteFaults(s.listRoute, emulator.Fault{}, emulator.Fault{Status: 503})
			accTest(t, resource.TestStep{
				Config:            providerBlock(emu) + s.block("all"),
				ConfigStateChecks: []statecheck.StateCheck{identitiesAre(s.addr("all"), "u1", "u2", "u3", "u4", "u5")},
			})
			expectSecondPageRetried(t, emu, s.listRead(2, 2, 4))
		})
	}
}

func TestAccChatUsersAndConversationsUsers_timeoutMidListNamesThePagesRead(t *testing.T) {
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			fiveUsersOnThreePages(emu)
			emu.InjectRouteFaults(s.listRoute, emulator.Fault{}, emulator.Fault{Hang: true})
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + s.block("all", expr("timeouts", `{ read = "3s" }`)),
				ExpectError: errorPattern("Timed out reading "+s.resource+"s",
					fmt.Sprintf("Reading the %ss of service %s did not finish within the read timeout of 3s, retries included (1 pages of the list read, page 2 unfinished).",
						s.resource, testServiceSid)),
			})
			read := s.listRead(2, 2)
			expectReads(t, emu, false, read[0], withStatus(0, read[1]))
		})
	}
}

func TestAccConversationsUsersDataSource_defaultService(t *testing.T) {
	emu := startBareEmulator(t)
	emu.SetDefaultService(testServiceSid)
	putUsers(emu, 1, "bob", "amy")
	all, some := "data.twilio_conversations_users.all", "data.twilio_conversations_users.some"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) +
			dataBlock("twilio_conversations_users", "all") +
			dataBlock("twilio_conversations_users", "some", expr("identities", `["amy"]`)),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr(all, "chat_service_sid", knownvalue.Null()),
			identitiesAre(all, "amy", "bob"),
			statecheck.ExpectKnownValue(all, userAt(0, "chat_service_sid"), knownvalue.StringExact(testServiceSid)),
			statecheck.ExpectKnownValue(all, userAt(1, "chat_service_sid"), knownvalue.StringExact(testServiceSid)),
			statecheck.ExpectKnownValue(all, userAt(0, "url"), knownvalue.StringExact(emu.URL()+"/v1/Users/"+userSid(2))),
			statecheck.ExpectKnownValue(all, userAt(0, "links"), knownvalue.MapExact(map[string]knownvalue.Check{
				"user_conversations": knownvalue.StringExact(emu.URL() + "/v1/Users/" + userSid(2) + "/Conversations"),
			})),
			identitiesAre(some, "amy"),
			statecheck.ExpectKnownValue(some, userAt(0, "chat_service_sid"), knownvalue.StringExact(testServiceSid)),
		},
	})
	expectReads(t, emu, true,
		"200 ConversationsDefaultUsers /v1/Users?PageSize=50",
		"200 ConversationsDefaultUser /v1/Users/amy?")
}

func TestAccChatUsersAndConversationsUsers_allowMissingListsTheIdentitiesWithoutAUser(t *testing.T) {
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			t.Run("one by one", func(t *testing.T) {
				emu := startBareEmulator(t)
				putUsers(emu, 1, "amy", "bob")
				accTest(t, resource.TestStep{
					Config: providerBlock(emu) +
						s.block("some", expr("identities", `["amy", "ghost", "bob", "Amy"]`), expr("allow_missing", "true")) +
						s.block("none_missing", expr("identities", `["bob"]`), expr("allow_missing", "true")),
					ConfigStateChecks: []statecheck.StateCheck{
						identitiesAre(s.addr("some"), "amy", "bob"),
						statecheck.ExpectKnownValue(s.addr("some"), userAt(1, "sid"), knownvalue.StringExact(userSid(2))),
						expectAttr(s.addr("some"), "missing_identities", knownvalue.SetExact([]knownvalue.Check{
							knownvalue.StringExact("Amy"), knownvalue.StringExact("ghost"),
						})),
						expectAttr(s.addr("some"), "allow_missing", knownvalue.Bool(true)),
						identitiesAre(s.addr("none_missing"), "bob"),
						expectAttr(s.addr("none_missing"), "missing_identities", knownvalue.SetExact([]knownvalue.Check{})),
					},
				})
				expectReads(t, emu, true, append(s.fetchRead(200, "amy", "bob", "bob"), s.fetchRead(404, "ghost", "Amy")...)...)
			})
			t.Run("from the list", func(t *testing.T) {
				emu := startBareEmulator(t)
				putUsers(emu, 1, numbered(s.pageSize)...)
				wanted := append(numbered(s.pageSize), "zz-ghost", "ghost")
				accTest(t, resource.TestStep{
					Config: providerBlock(emu) + s.block("some", expr("identities", hclStrings(wanted)), expr("allow_missing", "true")),
					ConfigStateChecks: []statecheck.StateCheck{
						identitiesAre(s.addr("some"), numbered(s.pageSize)...),
						expectAttr(s.addr("some"), "missing_identities", knownvalue.SetExact([]knownvalue.Check{
							knownvalue.StringExact("ghost"), knownvalue.StringExact("zz-ghost"),
						})),
					},
				})
				expectReads(t, emu, false, s.listRead(s.pageSize)...)
			})
		})
	}
}

func TestAccChatUsersAndConversationsUsers_missingIdentitiesEmptyByDefault(t *testing.T) {
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			putUsers(emu, 1, "amy", "bob")
			empty := knownvalue.SetExact([]knownvalue.Check{})
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) +
					s.block("all") +
					s.block("some", expr("identities", `["amy"]`)) +
					s.block("explicit", expr("identities", `["bob"]`), expr("allow_missing", "false")),
				ConfigStateChecks: []statecheck.StateCheck{
					identitiesAre(s.addr("all"), "amy", "bob"),
					expectAttr(s.addr("all"), "missing_identities", empty),
					expectAttr(s.addr("all"), "allow_missing", knownvalue.Bool(false)),
					identitiesAre(s.addr("some"), "amy"),
					expectAttr(s.addr("some"), "missing_identities", empty),
					expectAttr(s.addr("some"), "allow_missing", knownvalue.Bool(false)),
					identitiesAre(s.addr("explicit"), "bob"),
					expectAttr(s.addr("explicit"), "missing_identities", empty),
				},
			})
		})
	}
}

func TestAccChatUsersAndConversationsUsers_allowMissingFalseFailsNamingEveryMissingIdentity(t *testing.T) {
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			putUsers(emu, 1, "amy")
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + s.block("some", expr("identities", `["amy", "ghost", "Amy"]`), expr("allow_missing", "false")),
				ExpectError: errorPattern(s.resource+" not found",
					fmt.Sprintf(`2 of the 3 identities asked for have no %s in service %s: "Amy", "ghost". Nothing was written to state.`, s.resource, testServiceSid),
					"Set allow_missing = true to read those that exist and list the others in missing_identities."),
			})
		})
	}
}

func TestAccChatUsersAndConversationsUsers_allowMissingWithoutIdentitiesIsRefusedAtPlan(t *testing.T) {
	for _, s := range usersSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			accTest(t, resource.TestStep{
				Config:   providerBlock(emu) + s.block("all", expr("allow_missing", "true")),
				PlanOnly: true,
				// The source line shown is allow_missing's: the error is at its path.
				ExpectError: errorPattern("Invalid Attribute Combination", `with data.`+s.name+`.all,`,
					fmt.Sprintf(`in data %q "all":`, s.name), `allow_missing = true`,
					"allow_missing = true needs identities: without identities every user of the service is read, so none can be missing.",
					"Set identities, or remove allow_missing."),
			})
			expectReads(t, emu, false)
		})
	}
}
