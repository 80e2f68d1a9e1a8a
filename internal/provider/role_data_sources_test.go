package provider

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// roleSource is one of the two role data sources, as the tests see it.
type roleSource struct {
	name       string // the data source's type
	serviceArg string
	resource   string // "chat role"
	listRoute  emulator.RouteName
	fetchRoute emulator.RouteName
	listPath   string // of testServiceSid's roles
	pageSize   int    // the largest page the provider asks for
	linkBase   string // Twilio's own host for the API
	api        emulator.API
	// channel and deployment are the API's names for the types a role is
	// stored with (Chat's).
	channel, deployment string
}

var (
	chatRoleSource = roleSource{
		name: "twilio_chat_role", serviceArg: "service_sid", resource: "chat role",
		listRoute: emulator.RouteChatRoles, fetchRoute: emulator.RouteChatRole, listPath: "/v2/Services/" + testServiceSid + "/Roles", pageSize: 100,
		linkBase: "https://chat.twilio.com", api: emulator.APIChat, channel: "channel", deployment: "deployment",
	}
	conversationsRoleSource = roleSource{
		name: "twilio_conversations_role", serviceArg: "chat_service_sid", resource: "conversations role",
		listRoute: emulator.RouteConversationsRoles, fetchRoute: emulator.RouteConversationsRole, listPath: "/v1/Services/" + testServiceSid + "/Roles", pageSize: 50,
		linkBase: "https://conversations.twilio.com", api: emulator.APIConversations, channel: "conversation", deployment: "service",
	}
	roleSources = []roleSource{chatRoleSource, conversationsRoleSource}
)

// byName is a data block of s named name looking up the role named
// roleName in testServiceSid, with more arguments if given.
func (s roleSource) byName(name, roleName string, more ...hclArg) string {
	return dataBlock(s.name, name, append([]hclArg{str(s.serviceArg, testServiceSid), str("friendly_name", roleName)}, more...)...)
}

func (s roleSource) addr(name string) string { return "data." + s.name + "." + name }

// listRead is the requests of one read of the roles of testServiceSid, as
// the package function, served two a page (sixRolesOnThreePages).
func (s roleSource) listRead(lastSeqs ...uint64) []string {
	return listRead(s.listRoute, s.listPath, s.pageSize, 2, lastSeqs...)
}

func roleSid(i int) string { return fmt.Sprintf("RL%032d", i) }

// putRoles stores roles named names in testServiceSid, of type chatType
// (Chat's), with sids roleSid(first), roleSid(first+1) and so on.
func putRoles(emu *emulator.Server, first int, chatType string, names ...string) {
	for i, name := range names {
		emu.PutRole(testServiceSid, emulator.NewRole(emu.URL(), testAccountSid, testServiceSid, roleSid(first+i), name, chatType, nil))
	}
}

// sixRolesOnThreePages stores six roles served two a page, the one named
// "moderator" (roleSid(5)) on the last page.
func sixRolesOnThreePages(emu *emulator.Server) {
	emu.SetMaxPageSize(2)
	putRoles(emu, 1, "channel", "channel user", "channel admin")
	putRoles(emu, 3, "deployment", "service user", "service admin", "moderator")
	putRoles(emu, 6, "channel", "guest")
}

// roleChecks checks every attribute of the role of testServiceSid (in the
// attribute serviceAttr) in addr, as NewRole makes it, but its timeouts.
func roleChecks(addr, serviceAttr, sid, name, typ, url string, permissions ...string) []statecheck.StateCheck {
	perms := make([]knownvalue.Check, len(permissions))
	for i, p := range permissions {
		perms[i] = knownvalue.StringExact(p)
	}
	return []statecheck.StateCheck{
		expectAttr(addr, serviceAttr, knownvalue.StringExact(testServiceSid)),
		expectAttr(addr, "sid", knownvalue.StringExact(sid)),
		expectAttr(addr, "friendly_name", knownvalue.StringExact(name)),
		expectAttr(addr, "type", knownvalue.StringExact(typ)),
		expectAttr(addr, "account_sid", knownvalue.StringExact(testAccountSid)),
		expectAttr(addr, "permissions", knownvalue.ListExact(perms)),
		expectAttr(addr, "date_created", knownvalue.StringExact("2016-03-03T19:47:15Z")),
		expectAttr(addr, "date_updated", knownvalue.StringExact("2016-03-03T19:47:15Z")),
		expectAttr(addr, "url", knownvalue.StringExact(url)),
	}
}

func TestAccChatRoleDataSource_bySidEveryAttribute(t *testing.T) {
	emu := startBareEmulator(t)
	// Not in any sorted order: Twilio's order must be kept.
	permissions := []string{"sendMessage", "leaveChannel", "destroyChannel", "addMember"}
	role := emulator.NewRole(emu.URL(), testAccountSid, testServiceSid, roleSid(7), "channel admin", "channel", permissions)
	emu.PutRole(testServiceSid, role)
	emu.PutRole(testServiceSid, map[string]any{
		"sid": roleSid(8), "account_sid": nil, "service_sid": nil, "friendly_name": nil, "type": nil,
		"permissions": nil, "date_created": nil, "date_updated": nil, "url": nil,
	})
	full, null := "data.twilio_chat_role.full", "data.twilio_chat_role.null"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) +
			dataBlock("twilio_chat_role", "full", str("service_sid", testServiceSid), str("sid", roleSid(7))) +
			dataBlock("twilio_chat_role", "null", str("service_sid", testServiceSid), str("sid", roleSid(8))),
		ConfigStateChecks: append(roleChecks(full, "service_sid", roleSid(7), "channel admin", "channel",
			emu.URL()+"/v2/Services/"+testServiceSid+"/Roles/"+roleSid(7), permissions...),
			expectAttr(full, "timeouts", knownvalue.Null()),

			// The configured service stays; every null Twilio sent stays null.
			expectAttr(null, "service_sid", knownvalue.StringExact(testServiceSid)),
			expectAttr(null, "sid", knownvalue.StringExact(roleSid(8))),
			expectAttr(null, "friendly_name", knownvalue.Null()),
			expectAttr(null, "type", knownvalue.Null()),
			expectAttr(null, "account_sid", knownvalue.Null()),
			expectAttr(null, "permissions", knownvalue.Null()),
			expectAttr(null, "date_created", knownvalue.Null()),
			expectAttr(null, "date_updated", knownvalue.Null()),
			expectAttr(null, "url", knownvalue.Null()),
		),
	})
	expectReads(t, emu, true,
		"200 ChatRole /v2/Services/"+testServiceSid+"/Roles/"+roleSid(7)+"?",
		"200 ChatRole /v2/Services/"+testServiceSid+"/Roles/"+roleSid(8)+"?")
}

func TestAccConversationsRoleDataSource_bySidOnAServiceAndOnTheDefaultService(t *testing.T) {
	emu := startBareEmulator(t)
	emu.SetDefaultService(testServiceSid)
	emu.PutRole(testServiceSid, emulator.NewRole(emu.URL(), testAccountSid, testServiceSid, roleSid(1), "channel user", "channel", nil))
	emu.PutRole(testServiceSid, emulator.NewRole(emu.URL(), testAccountSid, testServiceSid, roleSid(2), "service admin", "deployment", []string{"joinChannel", "createChannel"}))
	scoped, dflt := "data.twilio_conversations_role.scoped", "data.twilio_conversations_role.default"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) +
			dataBlock("twilio_conversations_role", "scoped", str("chat_service_sid", testServiceSid), str("sid", roleSid(1))) +
			dataBlock("twilio_conversations_role", "default", str("sid", roleSid(2))),
		ConfigStateChecks: append(
			roleChecks(scoped, "chat_service_sid", roleSid(1), "channel user", "conversation",
				emu.URL()+"/v1/Services/"+testServiceSid+"/Roles/"+roleSid(1), "sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"),
			// Without chat_service_sid, the service is the answer's.
			roleChecks(dflt, "chat_service_sid", roleSid(2), "service admin", "service",
				emu.URL()+"/v1/Roles/"+roleSid(2), "joinChannel", "createChannel")...),
	})
	expectReads(t, emu, true,
		"200 ConversationsRole /v1/Services/"+testServiceSid+"/Roles/"+roleSid(1)+"?",
		"200 ConversationsDefaultRole /v1/Roles/"+roleSid(2)+"?")
}

func TestAccChatRoleAndConversationsRole_byNameOnTheLastOfThreePages(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			sixRolesOnThreePages(emu)
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + s.byName("mod", "moderator"),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(s.addr("mod"), "sid", knownvalue.StringExact(roleSid(5))),
					expectAttr(s.addr("mod"), "friendly_name", knownvalue.StringExact("moderator")),
					expectAttr(s.addr("mod"), "type", knownvalue.StringExact(s.deployment)),
					expectAttr(s.addr("mod"), s.serviceArg, knownvalue.StringExact(testServiceSid)),
				},
			})
			expectReads(t, emu, false, s.listRead(2, 4)...)
		})
	}
}

func TestAccConversationsRoleDataSource_byNameOnTheDefaultService(t *testing.T) {
	emu := startBareEmulator(t)
	emu.SetDefaultService(testServiceSid)
	sixRolesOnThreePages(emu)
	addr := "data.twilio_conversations_role.mod"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + dataBlock("twilio_conversations_role", "mod", str("friendly_name", "moderator")),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr(addr, "sid", knownvalue.StringExact(roleSid(5))),
			expectAttr(addr, "type", knownvalue.StringExact("service")),
			expectAttr(addr, "chat_service_sid", knownvalue.StringExact(testServiceSid)),
			expectAttr(addr, "url", knownvalue.StringExact(emu.URL()+"/v1/Roles/"+roleSid(5))),
		},
	})
	expectReads(t, emu, false,
		"200 ConversationsDefaultRoles /v1/Roles?PageSize=50",
		"200 ConversationsDefaultRoles /v1/Roles?"+nextPageQuery(2, 1, 2),
		"200 ConversationsDefaultRoles /v1/Roles?"+nextPageQuery(2, 2, 4))
}

func TestAccChatRoleAndConversationsRole_sameNameTwoTypes(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			putRoles(emu, 1, "channel", "guest", "moderator")
			putRoles(emu, 3, "deployment", "moderator")
			accTest(t,
				resource.TestStep{
					Config: providerBlock(emu) + s.byName("mod", "moderator"),
					ExpectError: errorPattern("several "+s.resource+"s match",
						fmt.Sprintf(`2 %ss are named "moderator" in service %s: %s (type %s), %s (type %s).`, s.resource, testServiceSid, roleSid(2), s.channel, roleSid(3), s.deployment),
						fmt.Sprintf("Set type (`%s` or `%s`) or sid to choose one.", s.channel, s.deployment)),
				},
				resource.TestStep{
					Config: providerBlock(emu) + s.byName("mod", "moderator", str("type", s.deployment)),
					ConfigStateChecks: []statecheck.StateCheck{
						expectAttr(s.addr("mod"), "sid", knownvalue.StringExact(roleSid(3))),
						expectAttr(s.addr("mod"), "type", knownvalue.StringExact(s.deployment)),
					},
				},
				resource.TestStep{
					Config: providerBlock(emu) + s.byName("mod", "moderator", str("type", s.channel)),
					ConfigStateChecks: []statecheck.StateCheck{
						expectAttr(s.addr("mod"), "sid", knownvalue.StringExact(roleSid(2))),
						expectAttr(s.addr("mod"), "type", knownvalue.StringExact(s.channel)),
					},
				})
			expectReads(t, emu, false, s.listRead()...)
		})
	}
}

func TestAccChatRoleAndConversationsRole_nextPageURLOnAnotherHostIsNotFollowed(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu, elsewhere := startBareEmulator(t), startBareEmulator(t)
			sixRolesOnThreePages(emu)
			sixRolesOnThreePages(elsewhere)
			emu.SetNextPageURLRewrite(func(next string) string { return strings.Replace(next, emu.URL(), elsewhere.URL(), 1) })
			host := func(e *emulator.Server) string { return strings.TrimPrefix(e.URL(), "http://") }
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + s.byName("mod", "moderator"),
				ExpectError: errorPattern("Twilio's next_page_url points elsewhere",
					fmt.Sprintf(`Reading the %s named "moderator" in service %s: page 2 of the list (1 read before it):`, s.resource, testServiceSid),
					fmt.Sprintf(`"%s%s?%s"`, elsewhere.URL(), s.listPath, nextPageQuery(2, 1, 2)),
					fmt.Sprintf("names host %s, neither the configured endpoint (%s) nor Twilio's own %s host", host(elsewhere), host(emu), s.api),
					"it was not followed, so the credentials did not leave for it"),
			})
			expectReads(t, emu, false, s.listRead()[0])
			expectReads(t, elsewhere, false)
		})
	}
}

func TestAccChatRoleAndConversationsRole_nextPageURLOnTwilioHostIsFollowedOnTheEndpoint(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			sixRolesOnThreePages(emu)
			emu.SetLinkBase(s.api, s.linkBase)
			accTest(t, resource.TestStep{
				Config:            providerBlock(emu) + s.byName("mod", "moderator"),
				ConfigStateChecks: []statecheck.StateCheck{expectAttr(s.addr("mod"), "sid", knownvalue.StringExact(roleSid(5)))},
			})
			expectReads(t, emu, false, s.listRead(2, 4)...)
		})
	}
}

func TestAccChatRoleAndConversationsRole_nextPageURLThatRepeatsFails(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			sixRolesOnThreePages(emu)
			var mu sync.Mutex
			first := ""
			emu.SetNextPageURLRewrite(func(next string) string {
				mu.Lock()
				defer mu.Unlock()
				if first == "" {
					first = next
				}
				return first
			})
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + s.byName("mod", "moderator"),
				ExpectError: errorPattern("Twilio's list pages loop",
					fmt.Sprintf(`Reading the %s named "moderator" in service %s: page 3 of the list (2 read before it):`, s.resource, testServiceSid),
					fmt.Sprintf(`Twilio's next_page_url "%s%s?%s" repeats a page already read; the list would never end`, emu.URL(), s.listPath, nextPageQuery(2, 1, 2))),
			})
			expectReads(t, emu, false, s.listRead(2)...)
		})
	}
}

func TestAccChatRoleAndConversationsRole_pageAnswering503IsRetried(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			sixRolesOnThreePages(emu)
			emu.InjectRouteFaults(s.listRoute, emulator.Fault{}, emulator.Fault{Status: 503})
			accTest(t, resource.TestStep{
				Config:            providerBlock(emu) + s.byName("mod", "moderator"),
				ConfigStateChecks: []statecheck.StateCheck{expectAttr(s.addr("mod"), "sid", knownvalue.StringExact(roleSid(5)))},
			})
			expectSecondPageRetried(t, emu, s.listRead(2, 4))
		})
	}
}

func TestAccChatRoleAndConversationsRole_namesMatchExactly(t *testing.T) {
	const odd = "Ops & Support = 李 Team/β?x=1"
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			putRoles(emu, 1, "deployment", "admin", odd)
			putRoles(emu, 3, "channel", "user")
			accTest(t,
				resource.TestStep{
					Config: providerBlock(emu) + s.byName("odd", odd),
					ConfigStateChecks: []statecheck.StateCheck{
						expectAttr(s.addr("odd"), "sid", knownvalue.StringExact(roleSid(2))),
						expectAttr(s.addr("odd"), "friendly_name", knownvalue.StringExact(odd)),
					},
				},
				resource.TestStep{
					Config: providerBlock(emu) + s.byName("odd", strings.ToLower(odd)),
					ExpectError: errorPattern(s.resource+" not found",
						fmt.Sprintf(`No %s named %q in service %s; names are matched exactly, case included.`, s.resource, strings.ToLower(odd), testServiceSid),
						// Sorted: "O" before "a".
						fmt.Sprintf(`The 3 roles there: %q (%s), "admin" (%s), "user" (%s).`, odd, s.deployment, s.deployment, s.channel)),
				})
			expectReads(t, emu, false, s.listRead()[0])
		})
	}
}

// The rules every lookup shares are in the conformance suite
// (lookup_conformance_test.go); these are the type's own.
func TestAccChatRoleAndConversationsRole_invalidTypeFailsAtPlanWithoutRequests(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			putRoles(emu, 1, "channel", "admin")
			step := func(want []string, args ...hclArg) resource.TestStep {
				return resource.TestStep{
					Config:      providerBlock(emu) + dataBlock(s.name, "x", append([]hclArg{str(s.serviceArg, testServiceSid)}, args...)...),
					PlanOnly:    true,
					ExpectError: errorPattern(want...),
				}
			}
			accTest(t,
				step([]string{fmt.Sprintf(`Attribute type value must be one of: ["%s" "%s"], got: "admin"`, s.channel, s.deployment)},
					str("friendly_name", "admin"), str("type", "admin")),
				step([]string{`Attribute "friendly_name" must be specified when "type" is specified`},
					str("sid", roleSid(1)), str("type", s.channel)),
			)
			expectReads(t, emu, false)
		})
	}
}

func TestAccChatRoleDataSource_byNameWiresTheUsersRole(t *testing.T) {
	emu := startEmulator(t)
	role := userField(emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, testUserSid, "jing"), "role_sid")
	putRoles(emu, 1, "deployment", "service admin")
	emu.PutRole(testServiceSid, emulator.NewRole(emu.URL(), testAccountSid, testServiceSid, role, "channel user", "channel", nil))
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + testAccChatUserConfig("jing", testServiceSid, "identity", "jing") +
			chatRoleSource.byName("member", "channel user") + `
resource "terraform_data" "membership" {
  input = {
    user = data.twilio_chat_user.jing.role_sid
    role = data.twilio_chat_role.member.sid
  }
}`,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue("terraform_data.membership", tfjsonpath.New("input").AtMapKey("user"), knownvalue.StringExact(role)),
				plancheck.ExpectKnownValue("terraform_data.membership", tfjsonpath.New("input").AtMapKey("role"), knownvalue.StringExact(role)),
			},
		},
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.CompareValuePairs(
				"data.twilio_chat_user.jing", tfjsonpath.New("role_sid"),
				"data.twilio_chat_role.member", tfjsonpath.New("sid"),
				compare.ValuesSame()),
			expectAttr("data.twilio_chat_role.member", "sid", knownvalue.StringExact(role)),
		},
	})
}
