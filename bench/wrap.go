package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
)

// Wrapper mode: the CLI starts this binary as the provider (through the dev
// override); it runs the real provider as its child with the same stdio and
// environment, and when the child exits records the child's own CPU time and
// peak RSS, which the CLI's process tree would otherwise hide.
const (
	envWrapTarget  = "BENCH_WRAP_PROVIDER"
	envWrapRusage  = "BENCH_WRAP_RUSAGE_FILE"
	providerBinary = "terraform-provider-twilio"
)

type usage struct {
	UserCPU   time.Duration `json:"user_cpu"`
	SystemCPU time.Duration `json:"system_cpu"`
	MaxRSSKiB int64         `json:"max_rss_kib"`
}

func runWrapper(target, rusageFile string) int {
	cmd := exec.Command(target, os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "bench wrapper:", err)
		return 1
	}
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		for s := range signals {
			_ = cmd.Process.Signal(s)
		}
	}()
	_ = cmd.Wait()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u := usage{
			UserCPU:   time.Duration(ru.Utime.Nano()),
			SystemCPU: time.Duration(ru.Stime.Nano()),
			MaxRSSKiB: ru.Maxrss,
		}
		if data, err := json.Marshal(u); err == nil {
			_ = os.WriteFile(rusageFile, data, 0o600)
		}
	}
	return cmd.ProcessState.ExitCode()
}
