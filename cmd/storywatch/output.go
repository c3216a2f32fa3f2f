package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// writeJSON prints exactly one JSON object.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// jsonAppender is implemented by output records that encode themselves,
// byte for byte as encoding/json would, without its reflection: at 100k
// changes encoding/json took about 150 ms of CPU, the append encoder 40.
type jsonAppender interface {
	appendJSON(dst []byte) ([]byte, error)
}

// jsonFlushSize is how much encoded output is buffered before a write.
const jsonFlushSize = 64 << 10

// writeJSONList prints {"<key>":[...]} with one compact element per line:
// one JSON object like writeJSON, but streamed, because indenting a list of
// 100k changes costs seconds and hundreds of megabytes. Elements that are
// jsonAppenders (through a pointer) encode themselves; others go through
// encoding/json.
func writeJSONList[T any](w io.Writer, key string, items []T) error {
	var fallback bytes.Buffer
	enc := json.NewEncoder(&fallback)
	enc.SetEscapeHTML(false)
	return writeJSONStream(w, key, len(items), func(dst []byte, i int) ([]byte, error) {
		if a, ok := any(&items[i]).(jsonAppender); ok {
			return a.appendJSON(dst)
		}
		fallback.Reset()
		if err := enc.Encode(items[i]); err != nil {
			return dst, err
		}
		return append(dst, bytes.TrimSuffix(fallback.Bytes(), []byte("\n"))...), nil
	})
}

// writeJSONStream prints what writeJSONList prints for n elements, each
// appended to dst as compact JSON by appendItem, so that callers can
// encode records without first building a list of them.
func writeJSONStream(w io.Writer, key string, n int, appendItem func(dst []byte, i int) ([]byte, error)) error {
	lw := newJSONListWriter(w, key)
	for i := range n {
		if err := lw.add(func(dst []byte) ([]byte, error) { return appendItem(dst, i) }); err != nil {
			return err
		}
	}
	return lw.close()
}

// jsonListWriter writes writeJSONList's format one element at a time, for
// callers that get their records from a callback rather than a slice.
type jsonListWriter struct {
	w   io.Writer
	buf []byte
	n   int // elements added
}

// newJSONListWriter starts {"<key>": [ on w; add elements, then close.
func newJSONListWriter(w io.Writer, key string) *jsonListWriter {
	buf := make([]byte, 0, jsonFlushSize+4<<10)
	buf = append(buf, '{')
	buf = appendJSONString(buf, key)
	buf = append(buf, ": ["...)
	return &jsonListWriter{w: w, buf: buf}
}

// add appends one element, encoded as compact JSON by appendItem, on a
// line of its own.
func (lw *jsonListWriter) add(appendItem func(dst []byte) ([]byte, error)) error {
	if lw.n > 0 {
		lw.buf = append(lw.buf, ',')
	}
	lw.n++
	lw.buf = append(lw.buf, "\n  "...)
	var err error
	if lw.buf, err = appendItem(lw.buf); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	// Each element ends its line, as json.Encoder.Encode ends each value.
	lw.buf = append(lw.buf, '\n')
	if len(lw.buf) >= jsonFlushSize {
		return lw.flush()
	}
	return nil
}

// close ends the list and the object and writes what is buffered.
func (lw *jsonListWriter) close() error {
	lw.buf = append(lw.buf, "]}\n"...)
	return lw.flush()
}

func (lw *jsonListWriter) flush() error {
	_, err := lw.w.Write(lw.buf)
	lw.buf = lw.buf[:0]
	if err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// jsonTime renders a zero time as null.
func jsonTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// humanTime renders a time for people: in the local zone, naming the zone
// ("2025-08-19 08:15 UTC"), since output is read by people and scripts in
// other zones than the daemon's.
func humanTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04 MST")
}

// plural counts n of word: "1 problem", "2 problems".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// truncate cuts s to at most n terminal columns, the last one an
// ellipsis when anything was cut (see displayWidth).
func truncate(s string, n int) string {
	if displayWidth(s) <= n {
		return s
	}
	w := 0
	for i, r := range s {
		if w+runeWidth(r) > n-1 {
			return s[:i] + "…"
		}
		w += runeWidth(r)
	}
	return s
}
