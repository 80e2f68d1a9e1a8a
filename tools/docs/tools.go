//go:build tools

// Package tools pins tfplugindocs apart from tools/go.mod, so the
// documentation generator's dependencies never move OpenTofu's.
package tools

import (
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
)
