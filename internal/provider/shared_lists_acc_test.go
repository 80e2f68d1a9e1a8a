package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// Twenty lookups by name on a service of 250 roles read its list once per
// CLI command, not twenty times: 3 pages of 100 on Chat, 5 of 50 on
// Conversations. A lookup by sid still fetches its role.
func TestAccChatRoleAndConversationsRole_twentyLookupsByNameShareOneListRead(t *testing.T) {
	for _, s := range roleSources {
		t.Run(s.name, func(t *testing.T) {
			emu := startBareEmulator(t)
			var names []string
			for i := range 250 {
				names = append(names, fmt.Sprintf("role %03d", i))
			}
			putRoles(emu, 1, "deployment", names...)
			config := providerBlock(emu) + dataBlock(s.name, "by_sid", str(s.serviceArg, testServiceSid), str("sid", roleSid(7)))
			var checks []statecheck.StateCheck
			for i := range 20 {
				n := i * 12 // spread over every page
				config += s.byName(fmt.Sprintf("r%d", i), names[n])
				checks = append(checks, expectAttr(s.addr(fmt.Sprintf("r%d", i)), "sid", knownvalue.StringExact(roleSid(n+1))))
			}
			accTest(t, resource.TestStep{Config: config, ConfigStateChecks: checks})
			var lastSeqs []uint64
			for seq := uint64(s.pageSize); seq < 250; seq += uint64(s.pageSize) {
				lastSeqs = append(lastSeqs, seq)
			}
			read := listRead(s.listRoute, s.listPath, s.pageSize, s.pageSize, lastSeqs...)
			expectReads(t, emu, true, append(read, fmt.Sprintf("200 %s %s/%s?", s.fetchRoute, s.listPath, roleSid(7)))...)
		})
	}
}

// Lookups of services by name share the account's list; lookups of roles
// of two services read each service's list.
func TestAccChatService_lookupsByNameShareOneListReadPerList(t *testing.T) {
	emu := startBareEmulator(t)
	putServices(emu, "Support", "Sales", "Flex Chat Service")
	emu.PutRole(serviceSidOf(1), map[string]any{"sid": roleSid(1), "friendly_name": "admin", "type": "deployment"})
	emu.PutRole(serviceSidOf(2), map[string]any{"sid": roleSid(2), "friendly_name": "admin", "type": "deployment"})
	config := providerBlock(emu)
	for i, name := range []string{"Support", "Sales", "Flex Chat Service"} {
		config += chatServiceSource.byName(fmt.Sprintf("s%d", i), name)
	}
	config += dataBlock("twilio_chat_role", "a", str("service_sid", serviceSidOf(1)), str("friendly_name", "admin")) +
		dataBlock("twilio_chat_role", "b", str("service_sid", serviceSidOf(2)), str("friendly_name", "admin")) +
		dataBlock("twilio_chat_role", "c", str("service_sid", serviceSidOf(2)), str("friendly_name", "admin"), str("type", "deployment"))
	accTest(t, resource.TestStep{
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr(chatServiceSource.addr("s0"), "sid", knownvalue.StringExact(serviceSidOf(1))),
			expectAttr(chatServiceSource.addr("s1"), "sid", knownvalue.StringExact(serviceSidOf(2))),
			expectAttr(chatServiceSource.addr("s2"), "sid", knownvalue.StringExact(serviceSidOf(3))),
			expectAttr("data.twilio_chat_role.a", "sid", knownvalue.StringExact(roleSid(1))),
			expectAttr("data.twilio_chat_role.b", "sid", knownvalue.StringExact(roleSid(2))),
			expectAttr("data.twilio_chat_role.c", "sid", knownvalue.StringExact(roleSid(2))),
		},
	})
	expectReads(t, emu, true,
		"200 ChatServices /v2/Services?PageSize=100",
		"200 ChatRoles /v2/Services/"+serviceSidOf(1)+"/Roles?PageSize=100",
		"200 ChatRoles /v2/Services/"+serviceSidOf(2)+"/Roles?PageSize=100")
}
