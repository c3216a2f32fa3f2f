package config

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// treeWalker visits the YAML node tree alongside the Config type before the
// tree is decoded. In one pass it records where every value stands (for
// validation messages), expands ${VAR} references in scalar values and
// reports unknown keys with their place. Doing this on the node tree, not
// the raw text, keeps comments and keys out of expansion and lets a value
// such as a password contain ": " or "#" without breaking the YAML.
type treeWalker struct {
	file   string
	lookup lookupFunc
	pos    map[string]Position
	// blockAt maps the line a block collection's first entry stands on to
	// the collection's path: yaml reports a collection of the wrong kind
	// there ("feeds:" followed by a mapping), not on its key's line.
	blockAt  map[int]string
	problems []Problem
	// seen stops re-walking a node reached again through an alias, which
	// both avoids double expansion and bounds work on alias bombs.
	seen map[*yaml.Node]bool
	// merged records which mapping was merged ("<<") into which path.
	merged map[mergeKey]bool
	// dups records each key repeated within one mapping.
	dups map[dupKey][]dupAt
}

// dupKey is a repeated mapping key: the line of the repetition, its name.
type dupKey struct {
	line int
	name string
}

// dupAt is one repetition of a key: its path, where it stands and where
// the key's first use in the same mapping stands.
type dupAt struct {
	path      string
	at, first Position
}

// mergeKey identifies one merge of a node into a path.
type mergeKey struct {
	node *yaml.Node
	path string
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

func newTreeWalker(file string, lookup lookupFunc) *treeWalker {
	return &treeWalker{file: file, lookup: lookup, pos: map[string]Position{}, blockAt: map[int]string{},
		seen: map[*yaml.Node]bool{}, merged: map[mergeKey]bool{}, dups: map[dupKey][]dupAt{}}
}

func (w *treeWalker) add(path string, n *yaml.Node, msg string, err error) {
	w.problems = append(w.problems, Problem{File: w.file, Path: path, Line: n.Line, Column: n.Column, Msg: msg, Err: err})
}

// walk visits n, which is to be decoded into a value of type t at path.
func (w *treeWalker) walk(n *yaml.Node, t reflect.Type, path string) {
	if n == nil {
		return
	}
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) > 0 {
			w.walk(n.Content[0], t, path)
		}
		return
	}
	if _, ok := w.pos[path]; !ok {
		w.pos[path] = Position{Line: n.Line, Column: n.Column}
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
		if n == nil {
			return
		}
	}
	if w.seen[n] {
		return
	}
	w.seen[n] = true

	if n.Kind == yaml.ScalarNode {
		w.expandScalar(n, path)
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return // Duration, Secret: scalars with their own decoding
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		w.walkMapping(n, t, path)
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for i, c := range n.Content {
			at := path + "[" + strconv.Itoa(i) + "]"
			if isNull(c) || (c.Kind == yaml.AliasNode && c.Alias != nil && isNull(c.Alias)) {
				w.nullEntry(c, t.Elem(), path, at)
				continue
			}
			w.walk(c, t.Elem(), at)
		}
	}
	// Any other mismatch is a type error that yaml's decoder reports.
}

// nullEntry reports an empty entry (a bare "-", "~" or null) in the list
// at path: yaml's decoder leaves it out without a word, so a feed or a
// webhook written half-way vanished from the config that `check` passed.
// A null node of its own becomes the element type's empty value, which
// keeps the decoded list's indexes those of the file for the problems
// that follow (and those on the entry itself are the same problem).
func (w *treeWalker) nullEntry(n *yaml.Node, elem reflect.Type, list, at string) {
	if _, ok := w.pos[at]; !ok {
		w.pos[at] = Position{Line: n.Line, Column: n.Column}
	}
	w.add(at, n, fmt.Sprintf("empty entry (null) in the list %s: give it a value or delete it", list), ErrType)
	if n.Kind == yaml.AliasNode {
		return // its anchor may stand elsewhere; yaml then drops the entry
	}
	for elem.Kind() == reflect.Pointer {
		elem = elem.Elem()
	}
	switch elem.Kind() {
	case reflect.Struct:
		n.Kind, n.Tag, n.Value = yaml.MappingNode, "!!map", ""
	case reflect.String:
		n.Tag, n.Value = "!!str", ""
	}
}

// walkMapping checks the keys of a mapping decoded into struct type t.
func (w *treeWalker) walkMapping(n *yaml.Node, t reflect.Type, path string) {
	fields := yamlFields(t)
	firstAt := map[string]Position{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode {
			if first, ok := firstAt[k.Value]; ok {
				d := dupKey{k.Line, k.Value}
				w.dups[d] = append(w.dups[d], dupAt{joinPath(path, k.Value), Position{k.Line, k.Column}, first})
			} else {
				firstAt[k.Value] = Position{k.Line, k.Column}
			}
		}
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.ShortTag() == "!!merge" {
			w.walkMerge(v, t, path)
			continue
		}
		if path == "" && strings.HasPrefix(k.Value, "x-") {
			// Extension keys, as in Compose files: a home for YAML
			// anchors shared by several feeds. Their content is unused.
			continue
		}
		ft, ok := fields[k.Value]
		child := joinPath(path, k.Value)
		if k.Kind != yaml.ScalarNode {
			w.add(path, k, "a key must be a plain name, got a "+kindName(k.Kind), ErrUnknownKey)
			continue
		}
		if !ok {
			msg := fmt.Sprintf("unknown key %q", k.Value)
			if s := suggest(k.Value, fields); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			w.add(child, k, msg, ErrUnknownKey)
			continue
		}
		if v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode {
			// A block collection starts on the next line; its key is
			// where a reader looks for it (and for its missing keys).
			if _, ok := w.pos[child]; !ok {
				w.pos[child] = Position{Line: k.Line, Column: k.Column}
			}
			if _, ok := w.blockAt[v.Line]; !ok && v.Line != k.Line {
				w.blockAt[v.Line] = child
			}
		}
		w.walk(v, ft, child)
	}
}

// walkMerge follows a "<<: *anchor" merge key, whose mapping (or list of
// mappings) contributes keys to the struct at path.
func (w *treeWalker) walkMerge(v *yaml.Node, t reflect.Type, path string) {
	if v.Kind == yaml.AliasNode {
		v = v.Alias
	}
	if v == nil {
		return
	}
	// Merging the same mapping twice into one place adds nothing, and
	// skipping it keeps chains of merged aliases from exploding.
	key := mergeKey{v, path}
	if w.merged[key] {
		return
	}
	w.merged[key] = true
	switch v.Kind {
	case yaml.MappingNode:
		w.walkMapping(v, t, path)
	case yaml.SequenceNode:
		for _, c := range v.Content {
			w.walkMerge(c, t, path)
		}
	}
}

// expandScalar expands ${VAR} references in a scalar value in place.
func (w *treeWalker) expandScalar(n *yaml.Node, path string) {
	out, issues := expand(n.Value, w.lookup)
	for _, is := range issues {
		w.add(path, n, is.msg, is.err)
	}
	if out == n.Value {
		return
	}
	n.Value = out
	if n.Style&(yaml.TaggedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		// A plain scalar's tag was resolved from the unexpanded text
		// ("${PORT}" is a string); clear it so "587" decodes as an int.
		n.Tag = ""
	}
}

// yamlFields maps the YAML keys of struct type t to their field types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	m := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		m[name] = f.Type
	}
	return m
}

// joinPath appends key to a dotted path.
func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// suggest returns the known key closest to key when it looks like a typo.
func suggest(key string, fields map[string]reflect.Type) string {
	best, bestDist := "", 3
	for name := range fields {
		if d := editDistance(strings.ToLower(key), name); d < bestDist || (d == bestDist && name < best) {
			best, bestDist = name, d
		}
	}
	if bestDist > 2 {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, by bytes.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 30 // not a typo; skip the quadratic work
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
