package provider

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// TestServerReleasesRequestContext guards against the framework keeping every
// data source RPC's context (and with it the whole gRPC request) until
// StopProvider.
func TestServerReleasesRequestContext(t *testing.T) {
	server := NewServer("test")()
	if _, ok := server.(releasingServer); !ok {
		t.Fatalf("NewServer returned %T, not releasingServer: the framework's server no longer implements frameworkServer", server)
	}
	type requestKey struct{}
	collected := make(chan struct{})
	func() {
		request := new([64 << 10]byte)
		runtime.AddCleanup(request, func(ch chan struct{}) { close(ch) }, collected)
		ctx := context.WithValue(context.Background(), requestKey{}, request)
		_, _ = server.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: "twilio_chat_user"})
		_, _ = server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "twilio_chat_user"})
	}()
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		select {
		case <-collected:
			runtime.KeepAlive(server)
			return
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("the request context is still reachable from the server after the RPCs returned")
		}
	}
}
