package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// syntaxProblem converts a yaml.v3 parse error ("yaml: line 3: did not
// find expected key") into a Problem with the line. yaml.v3 often reports
// the line where the enclosing block starts rather than the bad line, so
// the bad line is located by parsing ever longer prefixes of the text.
func syntaxProblem(name string, data []byte, err error) Problem {
	msg := err.Error()
	line := 0
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if bad := firstBadLine(data); bad > line {
		if line > 0 {
			msg += fmt.Sprintf(" (in the block starting on line %d)", line)
		}
		line = bad
	}
	msg += quoteHint(data, line)
	return Problem{File: name, Line: line, Msg: "invalid YAML: " + msg, Err: errors.Join(ErrSyntax, err)}
}

// quoteHint explains the most common syntax error in this config: an
// unquoted value starting with "@" (a descriptor) or "*" (a cron spec),
// which YAML reserves for other uses.
func quoteHint(data []byte, line int) string {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	text := strings.TrimSpace(lines[line-1])
	text = strings.TrimSpace(strings.TrimPrefix(text, "- "))
	if _, v, ok := strings.Cut(text, ": "); ok {
		text = strings.TrimSpace(v)
	}
	if text == "" || (text[0] != '@' && text[0] != '*' && text[0] != '`') {
		return ""
	}
	return fmt.Sprintf(" (put values starting with %q in quotes, e.g. \"%s\")", text[:1], text)
}

// firstBadLine returns the smallest n such that the first n lines of data
// do not parse, found by binary search (a prefix of valid YAML is nearly
// always valid YAML), or 0 if the search finds none.
func firstBadLine(data []byte) int {
	var ends []int // ends[i] is the offset just past line i+1
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		ends = append(ends, len(data))
	}
	bad := func(n int) bool {
		dec := yaml.NewDecoder(bytes.NewReader(data[:ends[n-1]]))
		for {
			var node yaml.Node
			err := dec.Decode(&node)
			if errors.Is(err, io.EOF) {
				return false
			}
			if err != nil {
				return true
			}
		}
	}
	lo, hi := 1, len(ends)
	if hi == 0 || !bad(hi) {
		return 0
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if bad(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
