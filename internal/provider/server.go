package provider

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewServer returns the protocol 6 server factory to serve: the framework's
// server, with the request contexts of data source RPCs released when the
// RPC returns.
//
// terraform-plugin-framework (v1.19.0 and earlier) derives a context from
// every RPC's context and keeps its cancel function, which references that
// context and through it the whole request (the gRPC stream, its metadata,
// the loggers terraform-plugin-go puts in the context), until StopProvider,
// which Terraform only sends on interrupt. Every read thus kept about 25 KB
// until the provider exited. Here the framework gets a context that forgets
// the request context once the RPC returns, so only the framework's small
// cancel bookkeeping stays.
func NewServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		server := providerserver.NewProtocol6(New(version)())()
		if full, ok := server.(frameworkServer); ok {
			return releasingServer{full}
		}
		return server
	}
}

// frameworkServer is every RPC the framework's protocol 6 server implements.
type frameworkServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
	tfprotov6.StateStoreServer
}

// releasingServer releases the request context of the RPCs called once per
// data source instance; the others are called a fixed number of times.
type releasingServer struct {
	frameworkServer
}

func (s releasingServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	ctx, release := releasable(ctx)
	defer release()
	return s.frameworkServer.ValidateDataResourceConfig(ctx, req)
}

func (s releasingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	ctx, release := releasable(ctx)
	defer release()
	return s.frameworkServer.ReadDataSource(ctx, req)
}

// releasedContext is what a released context becomes: cancelled, no values.
var releasedContext = func() *contextRef {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return &contextRef{ctx}
}()

type contextRef struct{ context.Context }

// releasableContext is its parent until released, and releasedContext after.
type releasableContext struct {
	parent atomic.Pointer[contextRef]
}

func releasable(parent context.Context) (context.Context, func()) {
	c := &releasableContext{}
	c.parent.Store(&contextRef{parent})
	return c, func() { c.parent.Store(releasedContext) }
}

func (c *releasableContext) Deadline() (deadline time.Time, ok bool) {
	return c.parent.Load().Deadline()
}

func (c *releasableContext) Done() <-chan struct{} { return c.parent.Load().Done() }

func (c *releasableContext) Err() error { return c.parent.Load().Err() }

func (c *releasableContext) Value(key any) any { return c.parent.Load().Value(key) }
