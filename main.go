package main

import (
	"flag"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider"
)

// version is set by goreleaser through -ldflags "-X main.version=...".
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	for name, level := range quietLogLevels(os.Environ()) {
		_ = os.Setenv(name, level)
	}
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	// provider.NewServer instead of providerserver.Serve: see NewServer.
	if err := tf6server.Serve(provider.RegistryAddress, provider.NewServer(version), opts...); err != nil {
		log.Fatal(err.Error())
	}
}

// quietLogLevels returns the log levels to turn off when nothing asked for
// logs. terraform-plugin-log starts every logger at TRACE and leaves the
// filtering to the CLI, so without this each read formats dozens of JSON log
// lines that the CLI then parses and drops, a large share of the provider's
// CPU (measured in BENCHMARKS.md, "Findings"). Any TF_LOG*
// variable, which the CLI passes on to its providers, leaves logging as it is.
func quietLogLevels(environ []string) map[string]string {
	for _, kv := range environ {
		if name, value, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "TF_LOG") && value != "" {
			return nil
		}
	}
	return map[string]string{
		"TF_LOG_SDK":           "OFF",
		"TF_LOG_SDK_PROTO":     "OFF",
		"TF_LOG_SDK_FRAMEWORK": "OFF",
		"TF_LOG_PROVIDER":      "OFF",
	}
}
