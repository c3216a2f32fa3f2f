package timeline

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

// lexiconFS holds the timeline's word lists that are data, not code, one
// directory per language like the fact extractor's.
//
//go:embed lexicon/en/*.txt
var lexiconFS embed.FS

// actorAliases maps a folded name (see foldName) to the actor it names, as
// the timeline shows it: "the kremlin", "moscow" and "putin's spokesman" are
// all "Russia". It is read from lexicon/en/actors.txt once, at package
// initialisation, and only read afterwards.
var actorAliases = mustActorAliases("en")

func mustActorAliases(lang string) map[string]string {
	m, err := loadActorAliases(lang)
	if err != nil {
		panic(err) // the file is embedded: a broken one fails every test
	}
	return m
}

// loadActorAliases parses lexicon/LANG/actors.txt: "Name | alias, alias"
// per line; "#" starts a comment. The name is an alias of itself.
func loadActorAliases(lang string) (map[string]string, error) {
	name := "lexicon/" + lang + "/actors.txt"
	f, err := lexiconFS.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	return parseActorAliases(name, bufio.NewScanner(f))
}

func parseActorAliases(name string, sc *bufio.Scanner) (map[string]string, error) {
	out := map[string]string{}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		actor, aliases, ok := strings.Cut(line, "|")
		actor = strings.TrimSpace(actor)
		if !ok || actor == "" {
			return nil, fmt.Errorf("%s:%d: want \"Name | alias, alias\", got %q", name, n, line)
		}
		for _, a := range append(strings.Split(aliases, ","), actor) {
			k := foldName(a)
			if k == "" {
				continue
			}
			if prev, dup := out[k]; dup && prev != actor {
				return nil, fmt.Errorf("%s:%d: %q names both %s and %s", name, n, strings.TrimSpace(a), prev, actor)
			}
			out[k] = actor
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// foldName is the form names are looked up in: lower case, typographic
// apostrophes straightened, single spaces, no leading "the".
func foldName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " "))
	return strings.TrimPrefix(s, "the ")
}
