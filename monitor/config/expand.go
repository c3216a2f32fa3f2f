package config

import (
	"fmt"
	"strings"
)

// lookupFunc reads an environment variable; os.LookupEnv in production.
type lookupFunc func(name string) (string, bool)

// expand replaces ${NAME} and ${NAME:-default} in s. Only the "${" form is
// recognised, so a "$" elsewhere (a regex anchor like "summit$", a price
// "$90") is left alone; "$${" yields a literal "${". ${NAME} with NAME set
// to "" gives ""; ${NAME:-default} gives default when NAME is unset or
// empty. A default may hold references itself, expanded only when it is
// used, as a shell does: ${A:-${B:-x}} is A, else B, else x. Every unset
// variable without a default and every malformed reference is returned as
// an error; the result then holds the reference text unchanged.
func expand(s string, lookup lookupFunc) (string, []issue) {
	if !strings.Contains(s, "${") {
		return s, nil
	}
	var (
		b    strings.Builder
		errs []issue
	)
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "$${") {
			b.WriteString("${")
			i += 3
			continue
		}
		if !strings.HasPrefix(s[i:], "${") {
			b.WriteByte(s[i])
			i++
			continue
		}
		end := closingBrace(s[i+2:])
		if end < 0 {
			errs = append(errs, issue{fmt.Sprintf("unclosed variable reference %q", s[i:]), ErrBadReference})
			b.WriteString(s[i:])
			break
		}
		ref := s[i : i+3+end] // "${...}"
		i += 3 + end
		name, def, hasDef := strings.Cut(ref[2:len(ref)-1], ":-")
		if !validVarName(name) {
			errs = append(errs, issue{fmt.Sprintf("malformed variable reference %q: want ${NAME} or ${NAME:-default}", ref), ErrBadReference})
			b.WriteString(ref)
			continue
		}
		v, ok := lookup(name)
		switch {
		case ok && v != "":
			b.WriteString(v)
		case hasDef:
			d, derrs := expand(def, lookup)
			b.WriteString(d)
			errs = append(errs, derrs...)
		case ok:
			// Set but empty: an explicit empty value is the user's choice.
		default:
			errs = append(errs, issue{fmt.Sprintf("environment variable %s is not set", name), ErrMissingVariable})
			b.WriteString(ref)
		}
	}
	return b.String(), errs
}

// closingBrace returns the index in s (the text after a "${") of the "}"
// that closes the reference, past those of references nested in its
// default; -1 when none does.
func closingBrace(s string) int {
	depth := 1
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "$${"):
			i += 2 // a literal "${" opens nothing
		case strings.HasPrefix(s[i:], "${"):
			depth++
			i++
		case s[i] == '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// issue is a problem found before positions are attached.
type issue struct {
	msg string
	err error
}

// validVarName reports whether name is a shell-style variable name.
func validVarName(name string) bool {
	if name == "" {
		return false
	}
	for i, r := range name {
		switch {
		case r == '_', r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
