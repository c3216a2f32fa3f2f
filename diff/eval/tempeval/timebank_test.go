package tempeval

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts/timex"
)

// TestTimeBankScore scores timex.Find on the corpora under $TIMEBANK_DIR
// (TimeBank and AQUAINT in TimeML) and prints the table. With
// $TIMEBANK_ERRORS set it also writes every disagreement to that file.
// With $TIMEBANK_DUMP set it writes every expression found, all fields,
// to that file: two dumps from two versions of the tagger differ exactly
// where its output changed, which the scores alone can hide.
// It is skipped when $TIMEBANK_DIR is unset, since the corpora are not
// part of the repository.
func TestTimeBankScore(t *testing.T) {
	dir := os.Getenv("TIMEBANK_DIR")
	if dir == "" {
		t.Skip("TIMEBANK_DIR not set")
	}
	var dump strings.Builder
	find := func(text string, ref time.Time) []timex.Expr {
		es := timex.Find(text, ref)
		fmt.Fprintf(&dump, "== %d bytes, ref %s\n", len(text), ref.Format(time.RFC3339))
		for _, e := range es {
			fmt.Fprintf(&dump, "%+v\n", e)
		}
		return es
	}
	r, err := ScoreDir(dir, find)
	if err != nil {
		t.Fatal(err)
	}
	if path := os.Getenv("TIMEBANK_DUMP"); path != "" {
		if err := os.WriteFile(path, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if r.Total.Gold == 0 {
		t.Fatalf("no gold expressions under %s", dir)
	}
	t.Logf("\n%s", r)
	if path := os.Getenv("TIMEBANK_ERRORS"); path != "" {
		var b strings.Builder
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "%s\t%s\t%q\t%s\t%s\t%q\t%s\t%s\t%s\n", e.Kind, e.File, e.Gold.Text, e.Gold.Type, e.Gold.Value, e.System.Text, e.System.Type, e.System.Value, e.Context)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkTimeBankFind measures timex.Find over the texts under
// $TIMEBANK_DIR, a larger and more varied sample of news than the seed.
func BenchmarkTimeBankFind(b *testing.B) {
	dir := os.Getenv("TIMEBANK_DIR")
	if dir == "" {
		b.Skip("TIMEBANK_DIR not set")
	}
	var docs []Doc
	size := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tml") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := ParseTML(data)
		if err != nil {
			return err
		}
		docs = append(docs, doc)
		size += len(doc.Text)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, d := range docs {
			timex.Find(d.Text, d.DCT)
		}
	}
}
