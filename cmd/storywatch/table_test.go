package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"text/tabwriter"
)

// TestTableMatchesTabwriterOnASCII: on text of one column a character the
// table lays rows out byte for byte as text/tabwriter did, so no script
// reading the tables sees a change.
func TestTableMatchesTabwriterOnASCII(t *testing.T) {
	for _, rows := range []string{
		"ID\tVERSIONS\tTITLE\nabc\t1\tSummit set\nabcdef012345\t12\tTalks\n",
		"  key\twebhook\tv1\t2 attempts\tTitle\t\n  k\temail\tv12\t1 attempt\tT\tconnection refused\n",
		"a\t\tc\n\t\t\n",
		"no tabs at all\n",
		"Café résumé\tnaïve\tx\nplain\tplain\ty\n",
	} {
		var want, got bytes.Buffer
		tw := tabwriter.NewWriter(&want, 0, 4, 2, ' ', 0)
		fmt.Fprint(tw, rows)
		tw.Flush()
		tb := newTable(&got)
		fmt.Fprint(tb, rows)
		if err := tb.Flush(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("rows %q:\ngot\n%s\nwant (tabwriter)\n%s", rows, got.String(), want.String())
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"Summit", 6},
		{"Café", 4},
		{"Cafe\u0301", 4}, // combining acute accent
		{"首脑会晤", 8},
		{"サミット", 8},
		{"정상회담", 8},
		{"ＡＢＣ", 6},  // fullwidth forms
		{"ｶﾀｶﾅ", 4}, // halfwidth katakana
		{"a\u200bb", 2},
		{"Путин", 5},
		{"😀", 2},
	} {
		if got := displayWidth(tt.s); got != tt.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
	for _, tt := range []struct {
		s    string
		n    int
		want string
	}{
		{"首脑会晤在布达佩斯举行", 9, "首脑会晤…"},
		{"首脑会晤", 8, "首脑会晤"},
		{"Summit in Budapest", 10, "Summit in…"},
	} {
		if got := truncate(tt.s, tt.n); got != tt.want || displayWidth(got) > tt.n {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

// columnsAt returns the terminal column at which each of words starts on
// line (-1 when missing).
func columnsAt(line string, words ...string) []int {
	var out []int
	for _, w := range words {
		i := strings.Index(line, w)
		if i < 0 {
			out = append(out, -1)
			continue
		}
		out = append(out, displayWidth(line[:i]))
	}
	return out
}

// TestTablesAlignCJK: `feeds` and `articles` with Chinese, Japanese and
// Korean feed names (the outlet column) keep every column in line on a
// terminal: the cells after a CJK name started one column further right
// per character.
func TestTablesAlignCJK(t *testing.T) {
	var base string
	names := map[string]string{"/zh.rss": "新华社 国际新闻", "/ja.rss": "共同通信 ニュース", "/ko.rss": "연합뉴스", "/en.rss": "Wire"}
	mux := http.NewServeMux()
	for path, name := range names {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%[2]s</title>`+
				`<item><title>%[2]s 首脑会晤</title><link>%[1]s/story%[3]s.html</link><description>%[4]s</description></item></channel></rss>`,
				base, name, strings.TrimSuffix(path, ".rss"), summitDesc)
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	var feeds []string
	for _, p := range []string{"/zh.rss", "/ja.rss", "/ko.rss", "/en.rss"} {
		feeds = append(feeds, srv.URL+p)
	}
	cfg := writeConfig(t, t.TempDir(), feeds, "")
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  article_pages: false\n", 1))
	mustCLI(t, "-c", cfg, "poll")

	for _, tc := range []struct {
		cmd   string
		heads []string // headers after the CJK column, each read from the same column on every row
		cells func(line string) []string
	}{
		{"feeds", []string{"STATUS", "ITEMS"}, func(string) []string { return []string{"ok", "1 "} }},
		{"articles", []string{"TITLE"}, func(line string) []string {
			for _, n := range names {
				if strings.Contains(line, n+" 首脑会晤") {
					return []string{n + " 首脑会晤"}
				}
			}
			return []string{"?"}
		}},
	} {
		out := mustCLI(t, "-c", cfg, tc.cmd)
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if len(lines) != 5 {
			t.Fatalf("%s printed %d lines, want a header and 4 rows:\n%s", tc.cmd, len(lines), out)
		}
		want := columnsAt(lines[0], tc.heads...)
		for _, line := range lines[1:] {
			if got := columnsAt(line, tc.cells(line)...); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: row %q has its cells at columns %v, the header at %v:\n%s", tc.cmd, line, got, want, out)
			}
		}
	}
}
