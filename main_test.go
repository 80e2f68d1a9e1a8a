package main

import "testing"

func TestQuietLogLevels(t *testing.T) {
	quiet := quietLogLevels([]string{"HOME=/root", "TF_CLI_CONFIG_FILE=/x", "TF_LOG="})
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"} {
		if quiet[name] != "OFF" {
			t.Errorf("%s = %q with no logging asked for, want OFF", name, quiet[name])
		}
	}
	for _, asked := range []string{"TF_LOG=TRACE", "TF_LOG_PROVIDER=DEBUG", "TF_LOG_CORE=INFO", "TF_LOG_SDK_FRAMEWORK=TRACE"} {
		if got := quietLogLevels([]string{"HOME=/root", asked}); got != nil {
			t.Errorf("with %s: quietLogLevels = %v, want logging left as it is", asked, got)
		}
	}
}
