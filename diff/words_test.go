package diff

import (
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/internal/benchtext"
)

// wdiff renders ops in the [-deleted-]{+inserted+} style.
func wdiff(ops []WordOp) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Op {
		case OpDelete:
			b.WriteString("[-" + op.Text + "-]")
		case OpInsert:
			b.WriteString("{+" + op.Text + "+}")
		default:
			b.WriteString(op.Text)
		}
	}
	return b.String()
}

func TestWords(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"both empty", "", "", ""},
		{"equal", "Talks began.", "Talks began.", "Talks began."},
		{"all inserted", "", "Talks began.", "{+Talks began.+}"},
		{"all deleted", "Talks began.", "", "[-Talks began.-]"},
		{"number", "buy about $90 billion worth", "buy about $100 billion worth", "buy about $[-90-]{+100+} billion worth"},
		{"decimal is one word", "rose 1.5 percent", "rose 2.25 percent", "rose [-1.5-]{+2.25+} percent"},
		{"weekday", "The tone on Monday was warmer.", "The tone on Tuesday was warmer.", "The tone on [-Monday-]{+Tuesday+} was warmer."},
		{"inserted words", "Putin agreed to the meeting.", "Putin agreed in principle to the meeting.", "Putin agreed {+in principle +}to the meeting."},
		{"deleted words", "no confirmation of a date or location.", "no confirmation of a location.", "no confirmation of a [-date or -]location."},
		{"apostrophe word", "Russia’s Foreign Ministry", "Russia's Foreign Ministry", "[-Russia’s-]{+Russia's+} Foreign Ministry"},
		{
			"short equal run folds into the edit",
			"the bilateral meeting within the next two weeks, but",
			"the bilateral meeting on August 29, but",
			"the bilateral meeting [-within the next two weeks-]{+on August 29+}, but",
		},
		{"unicode text", "Зеленский сказал «да».", "Зеленский сказал «нет».", "Зеленский сказал «[-да-]{+нет+}»."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops := Words(tt.old, tt.new, Options{})
			checkWords(t, tt.old, tt.new, ops)
			if got := wdiff(ops); got != tt.want {
				t.Errorf("Words(%q, %q)\n got %s\nwant %s", tt.old, tt.new, got, tt.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Russia’s $1.5 billion, don't.", "Russia’s| |$|1.5| |billion|,| |don't|."},
		{"a  \t b", "a|  \t |b"},
		{"90,000 troops", "90,000| |troops"},
		{"3-1/2-year-old", "3|-|1|/|2|-|year|-|old"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := strings.Join(tokenize(tt.in), "|"); got != tt.want {
				t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCodeRuneSkipsSurrogates(t *testing.T) {
	for _, n := range []int{0, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0x10F7FF} {
		r := codeRune(n)
		if r >= 0xD800 && r <= 0xDFFF {
			t.Errorf("codeRune(%#x) = surrogate %#x", n, r)
		}
		if runeCode(r) != n {
			t.Errorf("runeCode(codeRune(%#x)) = %#x", n, runeCode(r))
		}
	}
	if r := codeRune(0x10F800); r != -1 {
		t.Errorf("codeRune past the last rune = %#x, want -1", r)
	}
}

// checkWords asserts that ops rebuild both texts, carry no empty runs and
// never put two runs with the same op next to each other.
func checkWords(t testing.TB, old, new string, ops []WordOp) {
	t.Helper()
	var o, n strings.Builder
	for k, op := range ops {
		if op.Text == "" {
			t.Fatalf("op %d is empty: %+v", k, ops)
		}
		if k > 0 && ops[k-1].Op == op.Op {
			t.Fatalf("ops %d and %d both %s: %+v", k-1, k, op.Op, ops)
		}
		switch op.Op {
		case OpEqual:
			o.WriteString(op.Text)
			n.WriteString(op.Text)
		case OpDelete:
			o.WriteString(op.Text)
		case OpInsert:
			n.WriteString(op.Text)
		default:
			t.Fatalf("unknown op %q", op.Op)
		}
	}
	if o.String() != old || n.String() != new {
		t.Fatalf("ops do not rebuild the texts:\nold %q\n  → %q\nnew %q\n  → %q", old, o.String(), new, n.String())
	}
}

func TestOptionsTimeout(t *testing.T) {
	tests := []struct {
		in, want time.Duration
	}{
		{0, 2 * time.Second},
		{-time.Second, 2 * time.Second},
		{5 * time.Second, 5 * time.Second},
	}
	for _, tt := range tests {
		if got := (Options{Timeout: tt.in}).timeout(); got != tt.want {
			t.Errorf("Options{Timeout: %v}.timeout() = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestWordsExpiredTimeoutStaysCorrect(t *testing.T) {
	// A deadline that has passed before the diff starts makes go-diff give
	// up early; the result must still rebuild both texts.
	old, new := benchtext.Pair(3000)
	checkWords(t, old, new, Words(old, new, Options{Timeout: time.Nanosecond}))
}
