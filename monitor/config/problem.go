package config

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with a config file, with its place.
type Problem struct {
	// File is the config file's name ("" when unknown).
	File string `json:"file,omitempty"`
	// Path names the value, e.g. "feeds[2].schedule"; "" for the whole file.
	Path string `json:"path,omitempty"`
	// Line locates the value, 1-based; 0 when unknown (for example a
	// required key that is absent and has no enclosing key).
	Line int `json:"line,omitempty"`
	// Column is the 1-based column of the value; 0 when unknown.
	Column int `json:"column,omitempty"`
	// Msg says what is wrong, in lower case.
	Msg string `json:"message"`
	// Err is the sentinel (ErrInvalid, ErrUnknownKey ...) or underlying
	// error, exposed through Unwrap for errors.Is.
	Err error `json:"-"`
}

// Error formats the problem as "file:line:col: path: msg".
func (p Problem) Error() string {
	var b strings.Builder
	switch {
	case p.File != "" && p.Line > 0 && p.Column > 0:
		fmt.Fprintf(&b, "%s:%d:%d: ", p.File, p.Line, p.Column)
	case p.File != "" && p.Line > 0:
		fmt.Fprintf(&b, "%s:%d: ", p.File, p.Line)
	case p.File != "":
		b.WriteString(p.File + ": ")
	case p.Line > 0:
		fmt.Fprintf(&b, "line %d: ", p.Line)
	}
	if p.Path != "" {
		b.WriteString(p.Path + ": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Unwrap returns the problem's sentinel or cause.
func (p Problem) Unwrap() error { return p.Err }

// Problems flattens err, as returned by Parse, Load or Validate (also when
// wrapped with %w), into its problems. Joined errors are unwrapped; an error
// that holds no Problem becomes a Problem with only Msg and Err set. Nil
// gives nil.
func Problems(err error) []Problem {
	if err == nil {
		return nil
	}
	if ps := collectProblems(err); len(ps) > 0 {
		return ps
	}
	return []Problem{{Msg: err.Error(), Err: err}}
}

// collectProblems walks err's tree and returns the Problems in it; a
// branch of a join without any becomes a plain Problem.
func collectProblems(err error) []Problem {
	switch e := err.(type) {
	case Problem:
		return []Problem{e}
	case *Problem:
		if e != nil {
			return []Problem{*e}
		}
	case interface{ Unwrap() []error }:
		var out []Problem
		for _, x := range e.Unwrap() {
			if x == nil {
				continue
			}
			if sub := collectProblems(x); len(sub) > 0 {
				out = append(out, sub...)
			} else {
				out = append(out, Problem{Msg: x.Error(), Err: x})
			}
		}
		return out
	case interface{ Unwrap() error }:
		if inner := e.Unwrap(); inner != nil {
			return collectProblems(inner)
		}
	}
	return nil
}

// joinProblems returns the problems as one error, nil for none.
func joinProblems(ps []Problem) error {
	if len(ps) == 0 {
		return nil
	}
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errors.Join(errs...)
}

// sortProblems orders problems by place; problems without a line go last,
// in the order they were found.
func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		switch {
		case a.Line == 0 && b.Line == 0:
			return 0
		case a.Line == 0:
			return 1
		case b.Line == 0:
			return -1
		case a.Line != b.Line:
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
}

// parentPath strips the last element: "a.b[2]" -> "a.b", "a.b" -> "a", "a" -> "".
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// within reports whether path is base or lies under it.
func within(path, base string) bool {
	if base == "" || path == base {
		return true
	}
	return strings.HasPrefix(path, base) && (path[len(base)] == '.' || path[len(base)] == '[')
}

// appendUnflagged appends the validation problems whose path is not already
// covered by an earlier problem.
func appendUnflagged(ps, more []Problem) []Problem {
	earlier := len(ps)
	for _, m := range more {
		flagged := false
		for _, p := range ps[:earlier] {
			if (p.Path == "" && p.Line == 0) || errors.Is(p, ErrUnknownKey) {
				continue // says nothing about the value at m's path
			}
			if within(m.Path, p.Path) {
				flagged = true
				break
			}
			if errors.Is(p, ErrDuplicateKey) && within(p.Path, m.Path) {
				// yaml leaves a mapping with a repeated key out whole,
				// so "at least one feed is required" is only that.
				flagged = true
				break
			}
		}
		if !flagged {
			ps = append(ps, m)
		}
	}
	return ps
}
