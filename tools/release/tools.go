//go:build tools

// Package tools pins goreleaser apart from tools/go.mod: its dependencies
// (cloud SDKs, container tooling) would otherwise constrain OpenTofu's.
package tools

import (
	_ "github.com/goreleaser/goreleaser/v2"
)
