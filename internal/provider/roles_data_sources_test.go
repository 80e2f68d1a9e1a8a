package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// plural is the plural data source of s's roles.
func (s roleSource) plural() string { return s.name + "s" }

func (s roleSource) pluralAddr(name string) string { return "data." + s.plural() + "." + name }

// rolesBlock reads testServiceSid's roles, with more arguments if given.
func (s roleSource) rolesBlock(name string, more ...hclArg) string {
	return dataBlock(s.plural(), name, append([]hclArg{str(s.serviceArg, testServiceSid)}, more...)...)
}

// roleAt checks the role at index i of roles in addr by name and type.
func roleAt(addr string, i int, sid, name, typ string) []statecheck.StateCheck {
	at := func(attr string) tfjsonpath.Path { return tfjsonpath.New("roles").AtSliceIndex(i).AtMapKey(attr) }
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(addr, at("sid"), knownvalue.StringExact(sid)),
		statecheck.ExpectKnownValue(addr, at("friendly_name"), knownvalue.StringExact(name)),
		statecheck.ExpectKnownValue(addr, at("type"), knownvalue.StringExact(typ)),
	}
}

func TestAccChatRolesAndConversationsRoles_everyAttributeAndNulls(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			permissions := []string{"sendMessage", "leaveChannel", "destroyChannel"}
			emu.PutRole(testServiceSid, emulator.NewRole(emu.URL(), testAccountSid, testServiceSid, roleSid(1), "admin", "channel", permissions))
			emu.PutRole(testServiceSid, map[string]any{
				"sid": roleSid(2), "account_sid": nil, "service_sid": nil, "friendly_name": nil, "type": nil,
				"permissions": nil, "date_created": nil, "date_updated": nil, "url": nil,
			})
			addr := s.pluralAddr("all")
			at := func(i int, attr string) tfjsonpath.Path {
				return tfjsonpath.New("roles").AtSliceIndex(i).AtMapKey(attr)
			}
			version := "/v2"
			if s.api == emulator.APIConversations {
				version = "/v1"
			}
			// The null role sorts first: a null name sorts as "".
			checks := []statecheck.StateCheck{
				expectAttr(addr, "roles", knownvalue.ListSizeExact(2)),
				expectAttr(addr, "type", knownvalue.Null()),
				expectAttr(addr, s.serviceArg, knownvalue.StringExact(testServiceSid)),
				statecheck.ExpectKnownValue(addr, at(0, "sid"), knownvalue.StringExact(roleSid(2))),
				statecheck.ExpectKnownValue(addr, at(1, s.serviceArg), knownvalue.StringExact(testServiceSid)),
				statecheck.ExpectKnownValue(addr, at(1, "sid"), knownvalue.StringExact(roleSid(1))),
				statecheck.ExpectKnownValue(addr, at(1, "friendly_name"), knownvalue.StringExact("admin")),
				statecheck.ExpectKnownValue(addr, at(1, "type"), knownvalue.StringExact(s.channel)),
				statecheck.ExpectKnownValue(addr, at(1, "account_sid"), knownvalue.StringExact(testAccountSid)),
				statecheck.ExpectKnownValue(addr, at(1, "permissions"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("sendMessage"), knownvalue.StringExact("leaveChannel"), knownvalue.StringExact("destroyChannel")})),
				statecheck.ExpectKnownValue(addr, at(1, "date_created"), knownvalue.StringExact("2016-03-03T19:47:15Z")),
				statecheck.ExpectKnownValue(addr, at(1, "date_updated"), knownvalue.StringExact("2016-03-03T19:47:15Z")),
				statecheck.ExpectKnownValue(addr, at(1, "url"), knownvalue.StringExact(emu.URL()+version+"/Services/"+testServiceSid+"/Roles/"+roleSid(1))),
			}
			for _, attr := range []string{s.serviceArg, "friendly_name", "type", "account_sid", "permissions", "date_created", "date_updated", "url"} {
				checks = append(checks, statecheck.ExpectKnownValue(addr, at(0, attr), knownvalue.Null()))
			}
			accTest(t, resource.TestStep{Config: providerBlock(emu) + s.rolesBlock("all"), ConfigStateChecks: checks})
			expectReads(t, emu, false, listRead(s.listRoute, s.listPath, s.pageSize, s.pageSize)...)
		})
	}
}

func TestAccChatRolesAndConversationsRoles_sortedAcrossPagesAndByType(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			sixRolesOnThreePages(emu)
			putRoles(emu, 7, "deployment", "guest", "Zeta")
			all, deployment := s.pluralAddr("all"), s.pluralAddr("deployment")
			checks := []statecheck.StateCheck{expectAttr(all, "roles", knownvalue.ListSizeExact(8))}
			// Byte order: upper case first; the same name by type.
			for i, r := range []struct {
				sid  int
				name string
				typ  string
			}{{8, "Zeta", s.deployment}, {2, "channel admin", s.channel}, {1, "channel user", s.channel}, {6, "guest", s.channel},
				{7, "guest", s.deployment}, {5, "moderator", s.deployment}, {4, "service admin", s.deployment}, {3, "service user", s.deployment}} {
				checks = append(checks, roleAt(all, i, roleSid(r.sid), r.name, r.typ)...)
			}
			checks = append(checks, expectAttr(deployment, "roles", knownvalue.ListSizeExact(5)), expectAttr(deployment, "type", knownvalue.StringExact(s.deployment)))
			checks = append(checks, roleAt(deployment, 0, roleSid(8), "Zeta", s.deployment)...)
			checks = append(checks, roleAt(deployment, 1, roleSid(7), "guest", s.deployment)...)
			checks = append(checks, roleAt(deployment, 4, roleSid(3), "service user", s.deployment)...)
			accTest(t, resource.TestStep{
				Config:            providerBlock(emu) + s.rolesBlock("all") + s.rolesBlock("deployment", str("type", s.deployment)),
				ConfigStateChecks: checks,
			})
			// Both read the one list: a page of two per request.
			expectReads(t, emu, false, s.listRead(2, 4, 6)...)
		})
	}
}

func TestAccConversationsRoles_defaultServiceAndAnEmptyService(t *testing.T) {
	emu := startBareEmulator(t)
	emu.SetDefaultService(testServiceSid)
	putRoles(emu, 1, "deployment", "admin")
	emu.AddService(otherService)
	dflt, empty := "data.twilio_conversations_roles.default", "data.twilio_conversations_roles.empty"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + dataBlock("twilio_conversations_roles", "default") +
			dataBlock("twilio_conversations_roles", "empty", str("chat_service_sid", otherService)),
		ConfigStateChecks: append(roleAt(dflt, 0, roleSid(1), "admin", "service"),
			expectAttr(dflt, "chat_service_sid", knownvalue.Null()),
			statecheck.ExpectKnownValue(dflt, tfjsonpath.New("roles").AtSliceIndex(0).AtMapKey("chat_service_sid"), knownvalue.StringExact(testServiceSid)),
			statecheck.ExpectKnownValue(dflt, tfjsonpath.New("roles").AtSliceIndex(0).AtMapKey("url"), knownvalue.StringExact(emu.URL()+"/v1/Roles/"+roleSid(1))),
			// Empty, not null.
			expectAttr(empty, "roles", knownvalue.ListExact([]knownvalue.Check{}))),
	})
	expectReads(t, emu, true, "200 ConversationsDefaultRoles /v1/Roles?PageSize=50",
		"200 ConversationsRoles /v1/Services/"+otherService+"/Roles?PageSize=50")
}

func TestAccChatRolesAndConversationsRoles_sharesTheListWithLookupsByName(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			sixRolesOnThreePages(emu)
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + s.rolesBlock("all") + s.byName("mod", "moderator") + s.byName("guest", "guest"),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(s.pluralAddr("all"), "roles", knownvalue.ListSizeExact(6)),
					expectAttr(s.addr("mod"), "sid", knownvalue.StringExact(roleSid(5))),
					expectAttr(s.addr("guest"), "sid", knownvalue.StringExact(roleSid(6))),
				},
			})
			expectReads(t, emu, false, s.listRead(2, 4)...)
		})
	}
}

func TestAccChatRolesAndConversationsRoles_faults(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name+"/page 503 is retried", func(t *testing.T) {
			emu := startBareEmulator(t)
			sixRolesOnThreePages(emu)
			emu.InjectRouteFaults(s.listRoute, emulator.Fault{}, emulator.Fault{Status: 503})
			accTest(t, resource.TestStep{
				Config:            providerBlock(emu) + s.rolesBlock("all"),
				ConfigStateChecks: []statecheck.StateCheck{expectAttr(s.pluralAddr("all"), "roles", knownvalue.ListSizeExact(6))},
			})
			expectSecondPageRetried(t, emu, s.listRead(2, 4))
		})
		t.Run(s.name+"/unknown service", func(t *testing.T) {
			emu := startBareEmulator(t)
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + dataBlock(s.plural(), "x", str(s.serviceArg, otherService)),
				ExpectError: errorPattern(s.resource+"s not found",
					fmt.Sprintf("No %ss of service %s: page 1 of the list (0 read before it): HTTP 403, Twilio error 20403: Service instance not found", s.resource, otherService)),
			})
			expectStatuses(t, emu, "403")
		})
		t.Run(s.name+"/a connection reset mid-body on page 2, retries spent", func(t *testing.T) {
			emu := startBareEmulator(t)
			sixRolesOnThreePages(emu)
			// max_retries = 1: page 2 is asked for twice, reset both times.
			emu.InjectRouteFaults(s.listRoute, emulator.Fault{}, emulator.Fault{ResetMidBody: true}, emulator.Fault{ResetMidBody: true})
			accTest(t, resource.TestStep{
				Config:      providerBlock(emu, "max_retries = 1") + s.rolesBlock("all"),
				ExpectError: errorPattern("Cannot reach Twilio", fmt.Sprintf("Reading the %ss of service %s: page 2 of the list (1 read before it): reading the response body: unexpected EOF (gave up after 2 attempts).", s.resource, testServiceSid)),
			})
			read := s.listRead(2, 4)
			expectReads(t, emu, false, read[0], read[1], read[1])
		})
	}
}

func TestAccChatRolesAndConversationsRoles_invalidArgumentsFailAtPlanWithoutRequests(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			accTest(t,
				invalidStep(emu, s.plural(), fmt.Sprintf("%s = %q\ntype = \"admin\"", s.serviceArg, testServiceSid),
					errorPattern(fmt.Sprintf(`Attribute type value must be one of: ["%s" "%s"], got: "admin"`, s.channel, s.deployment)).String()),
				invalidStep(emu, s.plural(), fmt.Sprintf("%s = \"IS123\"", s.serviceArg),
					errorPattern(fmt.Sprintf("Attribute %s must be IS followed by 32 hexadecimal digits", s.serviceArg)).String()),
				invalidStep(emu, s.plural(), fmt.Sprintf("%s = %q\nroles = []", s.serviceArg, testServiceSid),
					errorPattern("Invalid Configuration for Read-Only Attribute").String()),
			)
			expectReads(t, emu, false)
		})
	}
}

func TestAccChatRoles_serviceIsRequired(t *testing.T) {
	emu := startBareEmulator(t)
	accTest(t, invalidStep(emu, "twilio_chat_roles", "", errorPattern(`The argument "service_sid" is required`).String()))
	expectReads(t, emu, false)
}
