//go:build tools

// Package tools pins actionlint, which checks the GitHub workflow files
// that cannot run here, apart from the other tools' modules.
package tools

import (
	_ "github.com/rhysd/actionlint/cmd/actionlint"
)
