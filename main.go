package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider"
)

// version is set by goreleaser through -ldflags "-X main.version=...".
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	// provider.NewServer instead of providerserver.Serve: see NewServer.
	if err := tf6server.Serve(provider.RegistryAddress, provider.NewServer(version), opts...); err != nil {
		log.Fatal(err.Error())
	}
}
