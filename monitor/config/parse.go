package config

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Parse decodes and validates a config from data. name is the file name used
// in problem messages. Before decoding, ${NAME} and ${NAME:-default} in scalar
// values are replaced from the environment. Decoding is strict: an unknown
// key is a problem. *_file secrets are not read (see Load). On failure Parse
// returns a nil Config and an error joining every Problem (see Problems).
func Parse(data []byte, name string) (*Config, error) {
	c, ps := parse(data, name, "", os.LookupEnv, false)
	if len(ps) > 0 {
		return nil, joinProblems(ps)
	}
	return c, nil
}

// Load reads, parses and validates the config file at path. It also reads
// secret_file and password_file (relative paths are taken from the config
// file's directory) into the matching Secret. Every error names the path; a
// missing file gives a Problem wrapping fs.ErrNotExist.
func Load(path string) (*Config, error) {
	c, ps := load(path, os.LookupEnv)
	if len(ps) > 0 {
		return nil, joinProblems(ps)
	}
	return c, nil
}

// LoadForReading is Load for commands that only read the store (feeds,
// articles, history, diff, changes, timeline, alerts): they never deliver,
// so they must not need the delivery secrets, which an operator running
// them often cannot see (they live in the daemon's environment or in files
// only the daemon reads). Secret files are not read, an unset environment
// variable under notify is not a problem, and every webhook secret and the
// SMTP password are left empty. Every other problem fails as in Load. The
// returned Config must not be used to deliver alerts.
func LoadForReading(path string) (*Config, error) {
	c, ps := loadMode(path, os.LookupEnv, true)
	if len(ps) > 0 {
		return nil, joinProblems(ps)
	}
	return c, nil
}

// load is Load with an injectable environment, returning sorted problems.
func load(path string, lookup lookupFunc) (*Config, []Problem) {
	return loadMode(path, lookup, false)
}

// loadMode is load, or LoadForReading's variant when forReading is set.
func loadMode(path string, lookup lookupFunc, forReading bool) (*Config, []Problem) {
	data, err := os.ReadFile(path)
	if err != nil {
		msg := "read config file: " + err.Error()
		var pe *fs.PathError
		switch {
		case errors.Is(err, fs.ErrNotExist):
			msg = "config file does not exist"
		case errors.As(err, &pe):
			msg = "read config file: " + pe.Err.Error()
		}
		return nil, []Problem{{File: path, Msg: msg, Err: err}}
	}
	if forReading {
		return parseForReading(data, path, lookup)
	}
	return parse(data, path, filepath.Dir(path), lookup, true)
}

// parseForReading is parse for LoadForReading: no secret files read, no
// unset variable under notify reported, no secret kept.
func parseForReading(data []byte, name string, lookup lookupFunc) (*Config, []Problem) {
	c, ps := parse(data, name, "", lookup, false)
	ps = dropDeliverySecretProblems(ps)
	if c != nil {
		c.clearSecrets()
		ps = append(ps, c.readDSNFile(filepath.Dir(name))...)
	}
	return c, ps
}

// dropDeliverySecretProblems drops the unset variables under notify, and
// every other problem at those paths (an unexpanded "${PORT}" that is then
// not a number is the same problem).
func dropDeliverySecretProblems(ps []Problem) []Problem {
	missing := map[string]bool{}
	for _, p := range ps {
		if within(p.Path, "notify") && p.Path != "" && errors.Is(p, ErrMissingVariable) {
			missing[p.Path] = true
		}
	}
	if len(missing) == 0 {
		return ps
	}
	return slices.DeleteFunc(ps, func(p Problem) bool { return missing[p.Path] })
}

// clearSecrets empties the delivery secrets, so a Config loaded for
// reading holds no half-expanded "${NAME}" that could pass for one.
func (c *Config) clearSecrets() {
	for i := range c.Notify.Webhooks {
		c.Notify.Webhooks[i].Secret = ""
	}
	if c.Notify.Email != nil {
		c.Notify.Email.Password = ""
	}
}

// parse runs every stage and collects all problems, so `storywatch check`
// can show them at once: syntax, variables, unknown keys, types, secret
// files, then validation. A later stage's problem on a path that an earlier
// stage already flagged is dropped, since it is only a consequence.
func parse(data []byte, name, dir string, lookup lookupFunc, readFiles bool) (*Config, []Problem) {
	c := Default()
	c.file = name

	root, ps := parseTree(data, name)
	if root == nil {
		if len(ps) > 0 {
			return nil, ps
		}
		// Empty file: all defaults, and validation says what is missing.
		ps = append(ps, c.validate()...)
		sortProblems(ps)
		return c, ps
	}

	w := newTreeWalker(name, lookup)
	w.walk(root, reflect.TypeFor[Config](), "")
	c.pos, c.blockAt, c.dups = w.pos, w.blockAt, w.dups
	ps = append(ps, w.problems...)

	if err := root.Decode(c); err != nil {
		for _, tp := range c.typeProblems(err) {
			// A type error on no known path, on a line the walk already
			// flagged (a non-scalar key), repeats that problem.
			if tp.Path == "" && slices.ContainsFunc(w.problems, func(p Problem) bool { return p.Line == tp.Line }) {
				continue
			}
			ps = append(ps, tp)
		}
	}
	c.applyDefaults()
	if readFiles {
		ps = append(ps, c.readSecretFiles(dir)...)
	}
	ps = appendUnflagged(ps, c.validate())
	sortProblems(ps)
	return c, ps
}

// parseTree parses the YAML text into a node tree. It returns nil for an
// empty document and a syntax problem for malformed YAML or for more than
// one document.
func parseTree(data []byte, name string) (*yaml.Node, []Problem) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, []Problem{syntaxProblem(name, data, err)}
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, []Problem{{File: name, Line: extra.Line, Column: extra.Column,
			Msg: "a second YAML document is not allowed; the config is one document", Err: ErrSyntax}}
	case !errors.Is(err, io.EOF):
		return nil, []Problem{syntaxProblem(name, data, err)}
	}
	if len(root.Content) == 0 || isNull(root.Content[0]) {
		return nil, nil
	}
	return &root, nil
}

// isNull reports whether n is an explicit or implied null ("~", "null", "").
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// applyDefaults fills values whose default depends on other values.
func (c *Config) applyDefaults() {
	if len(c.Notify.Kinds) == 0 {
		c.Notify.Kinds = DefaultKinds()
	}
	if e := c.Notify.Email; e != nil {
		e.TLS = strings.ToLower(strings.TrimSpace(e.TLS))
		if e.TLS == "" {
			e.TLS = TLSStartTLS
		}
		if e.Port == 0 {
			e.Port = defaultPorts[e.TLS]
		}
	}
	c.Log.Level = strings.ToLower(strings.TrimSpace(c.Log.Level))
	c.Log.Format = strings.ToLower(strings.TrimSpace(c.Log.Format))
}
