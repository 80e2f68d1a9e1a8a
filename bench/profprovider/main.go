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
	"time"

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
	stopPeak := watchHeapPeak(filepath.Join(dir, "heap-peak.prof"))
	serveErr := tf6server.Serve(provider.RegistryAddress, provider.NewServer("profile"))
	pprof.StopCPUProfile()
	stopPeak()
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

// watchHeapPeak writes a heap profile to file whenever the heap in use
// reaches a new high (checked every 20 ms), so that the last one written
// shows what was live near the peak; the profile at exit shows only what
// outlived the reads. The returned func stops it.
func watchHeapPeak(file string) func() {
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		var peak uint64
		var ms runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse <= peak+peak/10 {
				continue
			}
			peak = ms.HeapInuse
			if f, err := os.Create(file); err == nil {
				_ = pprof.Lookup("heap").WriteTo(f, 0)
				_ = f.Close()
			}
		}
	}()
	return func() { close(stop); <-done }
}
