// Command profprovider is the provider with CPU and heap profiles written
// when the CLI shuts it down, for `make bench` investigations: point the
// bench program's -provider at it and set PROFILE_DIR.
package main

import (
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider"
)

func main() {
	dir := os.Getenv("PROFILE_DIR")
	if dir == "" {
		log.Fatal("PROFILE_DIR must name a folder for the profiles")
	}
	cpu, err := os.Create(filepath.Join(dir, "cpu.prof"))
	if err != nil {
		log.Fatal(err)
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		log.Fatal(err)
	}
	serveErr := tf6server.Serve(provider.RegistryAddress, provider.NewServer("profile"))
	pprof.StopCPUProfile()
	runtime.GC()
	if heap, err := os.Create(filepath.Join(dir, "heap.prof")); err == nil {
		_ = pprof.Lookup("heap").WriteTo(heap, 0)
		_ = heap.Close()
	}
	if goroutines, err := os.Create(filepath.Join(dir, "goroutines.txt")); err == nil {
		_ = pprof.Lookup("goroutine").WriteTo(goroutines, 1)
		_ = goroutines.Close()
	}
	if serveErr != nil {
		log.Fatal(serveErr)
	}
}
