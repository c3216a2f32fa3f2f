package main

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// stdJSON is the reference every append encoder must match: encoding/json
// with HTML escaping off, as writeJSON and the old writeJSONList used it,
// without the newline Encode adds.
func stdJSON(t testing.TB, v any) ([]byte, error) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// jsonStringCases are the strings where JSON escapers tend to differ.
var jsonStringCases = map[string]string{
	"empty":               "",
	"plain":               "Leit welcomes security guarantees",
	"quote and backslash": `he said "no" \ twice \\`,
	"named escapes":       "a\bb\fc\nd\re\tf",
	"other controls":      "\x00\x01\x07\x0b\x0e\x1f end",
	"DEL is not escaped":  "\x7f",
	"html not escaped":    "<script>&amp;</script> a > b",
	"slash":               "http://x/y/z",
	"two-byte":            "Zürich, São Paulo",
	"three-byte":          "€ 5 – “quoted” …",
	"four-byte":           "emoji 😀 𝄞",
	"line separators":     "a\u2028b\u2029c",
	"near separators":     "\u2027\u202a\u202f",
	"replacement char":    "\ufffd as text",
	"lone continuation":   "a\x80b",
	"invalid lead":        "\xff\xfe",
	"truncated two-byte":  "end \xc3",
	"truncated three":     "\xe2\x80",
	"truncated 2028":      "\xe2\x80 x",
	"overlong slash":      "\xc0\xaf",
	"surrogate half":      "\xed\xa0\x80",
	"above U+10FFFF":      "\xf4\x90\x80\x80",
	"every ascii byte":    asciiBytes(),
	"mixed":               "\"<\u2028\xff\x00é\\>\"",
}

func asciiBytes() string {
	var b strings.Builder
	for c := range 0x80 {
		b.WriteByte(byte(c))
	}
	return b.String()
}

// jsonStringPieces build random strings that mix the hard cases.
var jsonStringPieces = []string{
	"a", "Z", "0", " ", "\"", "\\", "/", "<", ">", "&", "\b", "\f", "\n", "\r", "\t",
	"\x00", "\x01", "\x1f", "\x7f", "é", "€", "😀", "\u2028", "\u2029", "\ufffd",
	"\xff", "\x80", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf0\x9f\x98",
}

func randomJSONString(r *rand.Rand) string {
	if r.IntN(8) == 0 { // arbitrary bytes now and then
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		return string(b)
	}
	var sb strings.Builder
	for range r.IntN(12) {
		sb.WriteString(jsonStringPieces[r.IntN(len(jsonStringPieces))])
	}
	return sb.String()
}

func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	check := func(t *testing.T, s string) {
		t.Helper()
		want, err := stdJSON(t, s)
		if err != nil {
			t.Fatal(err)
		}
		prefix := []byte("prefix:")
		got := appendJSONString(prefix, s)
		if !bytes.Equal(got, append([]byte("prefix:"), want...)) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got[len(prefix):], want)
		}
	}
	for name, s := range jsonStringCases {
		t.Run(name, func(t *testing.T) { check(t, s) })
	}
	t.Run("random", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 2))
		for range 20000 {
			check(t, randomJSONString(r))
		}
	})
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStringCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := stdJSON(t, s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

func TestAppendJSONScalarsMatchEncodingJSON(t *testing.T) {
	for _, n := range []int{0, 1, -1, 42, math.MaxInt, math.MinInt} {
		want, _ := stdJSON(t, n)
		if got := appendJSONInt(nil, n); !bytes.Equal(got, want) {
			t.Errorf("appendJSONInt(%d) = %s, want %s", n, got, want)
		}
	}
	for _, b := range []bool{false, true} {
		want, _ := stdJSON(t, b)
		if got := appendJSONBool(nil, b); !bytes.Equal(got, want) {
			t.Errorf("appendJSONBool(%v) = %s, want %s", b, got, want)
		}
	}
}

func TestAppendJSONTimeMatchesEncodingJSON(t *testing.T) {
	east := time.FixedZone("east", 5*3600+30*60)
	west := time.FixedZone("west", -(3*3600 + 17*60 + 9)) // seconds are dropped by RFC 3339
	tests := map[string]*time.Time{
		"nil":                 nil,
		"zero":                ptr(time.Time{}),
		"whole second":        ptr(time.Date(2025, 8, 23, 9, 0, 0, 0, time.UTC)),
		"milliseconds":        ptr(time.Date(2025, 8, 23, 9, 0, 0, 999_000_000, time.UTC)),
		"trailing zeros trim": ptr(time.Date(2025, 8, 23, 9, 0, 0, 120_000, time.UTC)),
		"nanosecond":          ptr(time.Date(2025, 8, 23, 9, 0, 0, 1, time.UTC)),
		"year 0":              ptr(time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)),
		"year 9999":           ptr(time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC)),
		"east offset":         ptr(time.Date(2025, 8, 23, 9, 0, 0, 5, east)),
		"west offset":         ptr(time.Date(1969, 7, 20, 20, 17, 40, 0, west)),
		"year 10000 fails":    ptr(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)),
		"year -1 fails":       ptr(time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)),
		"offset 24h fails":    ptr(time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("far", 24*3600))),
	}
	for name, tm := range tests {
		t.Run(name, func(t *testing.T) {
			want, wantErr := stdJSON(t, tm)
			got, err := appendJSONTime([]byte("x"), tm)
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("error %v, encoding/json's %v", err, wantErr)
			}
			if err != nil {
				if string(got) != "x" {
					t.Errorf("failed append left %q, want the input", got)
				}
				return
			}
			if !bytes.Equal(got, append([]byte("x"), want...)) {
				t.Errorf("appendJSONTime(%v) = %s, want x%s", tm, got, want)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// fillRandom sets every field reachable from v to a random value, so that
// a field added to an output struct (or to facts.Change) but not to its
// append encoder shows up as a difference from encoding/json.
func fillRandom(t *testing.T, r *rand.Rand, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		if r.IntN(4) == 0 {
			v.SetString("") // empty matters for omitempty
		} else {
			v.SetString(randomJSONString(r))
		}
	case reflect.Int:
		ints := []int64{0, 1, -1, math.MaxInt, math.MinInt, r.Int64N(1 << 40), -r.Int64N(1000)}
		v.SetInt(ints[r.IntN(len(ints))])
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 1)
	case reflect.Pointer:
		if v.Type() != reflect.TypeFor[*time.Time]() {
			t.Fatalf("fillRandom: no rule for %s", v.Type())
		}
		if r.IntN(4) == 0 {
			v.SetZero()
			return
		}
		v.Set(reflect.ValueOf(ptr(randomTime(r))))
	case reflect.Slice:
		switch n := r.IntN(5); n {
		case 0:
			v.SetZero() // nil
		default:
			s := reflect.MakeSlice(v.Type(), n-1, n-1) // empty or 1-3 elements
			for i := range n - 1 {
				fillRandom(t, r, s.Index(i))
			}
			v.Set(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fillRandom(t, r, v.Field(i))
		}
	default:
		t.Fatalf("fillRandom: no rule for %s", v.Type())
	}
}

func randomTime(r *rand.Rand) time.Time {
	nanos := []int64{0, 1, 999_999_999, 500_000_000, 120_000, r.Int64N(1e9)}
	zones := []*time.Location{time.UTC, time.UTC, time.FixedZone("", 2*3600), time.FixedZone("", -9*3600-30*60)}
	min, max := time.Date(0, 1, 2, 0, 0, 0, 0, time.UTC).Unix(), time.Date(9999, 12, 30, 0, 0, 0, 0, time.UTC).Unix()
	return time.Unix(min+r.Int64N(max-min), nanos[r.IntN(len(nanos))]).In(zones[r.IntN(len(zones))])
}
