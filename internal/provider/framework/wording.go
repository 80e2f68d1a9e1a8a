package framework

import (
	"fmt"
	"strings"
)

// How diagnostics spell values.

// StringOrNull is s quoted, or null.
func StringOrNull(s *string) string {
	if s == nil {
		return "null"
	}
	return fmt.Sprintf("%q", *s)
}

// DerefOr is s, or otherwise when s is null.
func DerefOr(s *string, otherwise string) string {
	if s == nil {
		return otherwise
	}
	return *s
}

// QuoteList is values as Markdown code, joined with "or": `a` or `b`.
func QuoteList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	return strings.Join(quoted, " or ")
}

// MaxNamed bounds the values an error lists: the roles or services that
// exist, the identities that do not.
const MaxNamed = 20

// NamedUpTo lists up to n quoted values, then how many more there are.
func NamedUpTo(values []string, n int) string {
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
