//go:build tools

// Package tools pins the command-line tools the project builds from the Go
// module proxy, so every machine builds the same versions.
package tools

import (
	_ "github.com/opentofu/opentofu/cmd/tofu"
)
