package sid

import "testing"

func TestValid(t *testing.T) {
	for _, c := range []struct {
		prefix, s string
		want      bool
	}{
		{Service, "IS0123456789abcdef0123456789ABCDEF", true},
		{User, "US0123456789abcdef0123456789abcdef", true},
		{Role, "RL0123456789abcdef0123456789abcdef", true},
		{Account, "AC0123456789abcdef0123456789abcdef", true},
		{APIKey, "SK0123456789abcdef0123456789abcdef", true},
		{Service, "US0123456789abcdef0123456789abcdef", false},
		{Service, "is0123456789abcdef0123456789abcdef", false},
		{Service, "IS0123456789abcdef0123456789abcde", false},
		{Service, "IS0123456789abcdef0123456789abcdef0", false},
		{Service, "IS0123456789abcdef0123456789abcdeg", false},
		{Service, "IS0123456789abcdef0123456789abcdef\n", false},
		{Role, "", false},
	} {
		if got := Valid(c.prefix, c.s); got != c.want {
			t.Errorf("Valid(%s, %q) = %v, want %v", c.prefix, c.s, got, c.want)
		}
	}
}

func TestPattern_unknownPrefixPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("Pattern(\"XX\") did not panic")
		}
	}()
	Pattern("XX")
}
