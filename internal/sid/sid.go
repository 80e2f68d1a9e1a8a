// Package sid knows the shape of Twilio's SIDs: two letters naming the kind
// of resource, then 32 hexadecimal digits. Every check of a SID in the
// repository (plan-time validation, configuration, the emulator) uses it.
package sid

import "regexp"

// The prefixes of the SIDs the project handles.
const (
	Account = "AC"
	APIKey  = "SK"
	Service = "IS"
	User    = "US"
	Role    = "RL"

	Workspace   = "WS"
	Activity    = "WA"
	TaskChannel = "TC"
	TaskQueue   = "WQ"
	Workflow    = "WW"

	ServerlessService     = "ZS"
	ServerlessEnvironment = "ZE"
	ServerlessFunction    = "ZH"
	StudioFlow            = "FW"
	FlexFlow              = "FO"
)

var patterns = map[string]*regexp.Regexp{}

func init() {
	for _, prefix := range []string{Account, APIKey, Service, User, Role, Workspace, Activity, TaskChannel, TaskQueue, Workflow,
		ServerlessService, ServerlessEnvironment, ServerlessFunction, StudioFlow, FlexFlow} {
		patterns[prefix] = regexp.MustCompile(`^` + prefix + `[0-9a-fA-F]{32}$`)
	}
}

// Pattern is the regular expression of SIDs with prefix, one of the
// constants above; it panics on any other prefix, a bug in the caller.
func Pattern(prefix string) *regexp.Regexp {
	re, ok := patterns[prefix]
	if !ok {
		panic("sid: unknown prefix " + prefix)
	}
	return re
}

// Valid reports whether s is a SID with prefix.
func Valid(prefix, s string) bool { return Pattern(prefix).MatchString(s) }
