package provider

import (
	"fmt"
	"strings"
)

// How diagnostics spell values.

// stringOrNull is s quoted, or null.
func stringOrNull(s *string) string {
	if s == nil {
		return "null"
	}
	return fmt.Sprintf("%q", *s)
}

// derefOr is s, or otherwise when s is null.
func derefOr(s *string, otherwise string) string {
	if s == nil {
		return otherwise
	}
	return *s
}

// quoteList is values as Markdown code, joined with "or": `a` or `b`.
func quoteList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	return strings.Join(quoted, " or ")
}

// maxNamed bounds the values an error lists: the roles or services that
// exist, the identities that do not.
const maxNamed = 20

// namedUpTo lists up to n quoted values, then how many more there are.
func namedUpTo(values []string, n int) string {
	quoted := make([]string, 0, min(len(values), n))
	for _, v := range values[:min(len(values), n)] {
		quoted = append(quoted, fmt.Sprintf("%q", v))
	}
	return joinUpTo(quoted, len(values), n)
}

// joinUpTo joins the first n of items, of which there are total, then says
// how many more there are.
func joinUpTo(items []string, total, n int) string {
	s := strings.Join(items[:min(len(items), n)], ", ")
	if total > n {
		s += fmt.Sprintf(" and %d more", total-n)
	}
	return s
}
