package config

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// typeProblems converts the decoder's error into problems. yaml.v3 reports
// type errors as "line N: cannot unmarshal ..."; the line is mapped back to
// the deepest recorded path on that line for the path and column.
func (c *Config) typeProblems(err error) []Problem {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return []Problem{{File: c.file, Msg: "decode config: " + err.Error(), Err: errors.Join(ErrType, err)}}
	}
	ps := make([]Problem, 0, len(te.Errors))
	for _, e := range te.Errors {
		p := Problem{File: c.file, Msg: e, Err: ErrType}
		if m := yamlLineRE.FindStringSubmatch(e); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
			p.Msg = m[2]
			p.Path, p.Column = c.pathAtLine(p.Line)
			d, ok, again := c.dupAt(p.Line, p.Msg)
			if again {
				continue
			}
			if ok {
				// A repeated key: name the repetition itself, and where
				// the key was first used, to the column.
				p.Path, p.Column = d.path, d.at.Column
				p.Msg = fmt.Sprintf("mapping key %q already defined at line %d, column %d", d.name, d.first.Line, d.first.Column)
				p.Err = errors.Join(ErrType, ErrDuplicateKey)
			}
			if path, ok := c.blockAt[p.Line]; ok && p.Path == "" {
				// a block collection of the wrong kind: name it at its key
				pos := c.pos[path]
				p.Path, p.Line, p.Column = path, pos.Line, pos.Column
			}
		}
		p.Msg = friendlyTypeError(p.Msg)
		ps = append(ps, p)
	}
	return ps
}

var dupKeyRE = regexp.MustCompile(`^mapping key "(.*)" already defined at line \d+$`)

// namedDup is a repeated key as dupAt found it.
type namedDup struct {
	dupAt
	name string
}

// dupAt finds the repeated key yaml's message msg on line reports, taking
// each recorded repetition once. yaml reports every pair of equal keys (a
// key given three times: three messages for two repetitions); again is
// true for a message on a repetition already reported, to be dropped.
func (c *Config) dupAt(line int, msg string) (d namedDup, ok, again bool) {
	m := dupKeyRE.FindStringSubmatch(msg)
	if m == nil {
		return namedDup{}, false, false
	}
	name, err := strconv.Unquote(`"` + m[1] + `"`)
	if err != nil {
		name = m[1]
	}
	k := dupKey{line, name}
	ds, known := c.dups[k]
	if len(ds) == 0 {
		return namedDup{}, false, known
	}
	c.dups[k] = ds[1:]
	return namedDup{ds[0], name}, true, false
}

// pathAtLine returns the deepest recorded path whose value starts on line.
func (c *Config) pathAtLine(line int) (string, int) {
	best, col, found := "", 0, false
	for path, p := range c.pos {
		if p.Line != line {
			continue
		}
		if !found || len(path) > len(best) || (len(path) == len(best) && path < best) {
			best, col, found = path, p.Column, true
		}
	}
	return best, col
}

var unmarshalRE = regexp.MustCompile("^cannot unmarshal !!(\\w+)(?: `(.*)`)? into (.+)$")

// friendlyTypeError rewrites yaml.v3's "cannot unmarshal !!str `many` into
// int" as "want a whole number, got text "many"", free of Go type names.
func friendlyTypeError(msg string) string {
	m := unmarshalRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	got := map[string]string{"str": "text", "int": "a number", "float": "a number", "bool": "true or false",
		"seq": "a list", "map": "a mapping", "null": "nothing", "timestamp": "a timestamp", "binary": "binary data"}[m[1]]
	if got == "" {
		got = "!!" + m[1]
	}
	if m[2] != "" {
		got += fmt.Sprintf(" %q", m[2])
	}
	var want string
	switch t := strings.TrimPrefix(m[3], "*"); {
	case strings.HasPrefix(t, "[]"):
		want = "a list"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		want = "a whole number"
	case t == "bool":
		want = "true or false"
	case t == "string" || t == "config.Secret":
		want = "text"
	case strings.HasPrefix(t, "float"):
		want = "a number"
	case strings.HasPrefix(t, "config."):
		want = "a mapping"
	default:
		want = t
	}
	return fmt.Sprintf("want %s, got %s", want, got)
}
