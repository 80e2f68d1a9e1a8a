//go:build tools

// Package tools pins golangci-lint apart from tools/go.mod: its many
// dependencies would otherwise constrain OpenTofu's.
package tools

import (
	_ "github.com/golangci/golangci-lint/v2/cmd/golangci-lint"
)
