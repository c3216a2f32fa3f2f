package tempeval

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// Timex is one gold TIMEX3 of a TimeML document. Start and End are byte
// offsets into Doc.Text.
type Timex struct {
	Start, End int
	Text       string
	Type       string
	Value      string
	Mod        string
}

// Doc is a TimeML document reduced to what scoring needs.
type Doc struct {
	// Text is the content of <TEXT>, with tags removed and the XML
	// entities decoded.
	Text string
	// DCT is the document creation time (the TIMEX3 whose
	// functionInDocument is CREATION_TIME); zero when absent.
	DCT time.Time
	// Timexes are the gold expressions inside <TEXT>, in order.
	Timexes []Timex
}

// ParseTML reads a TimeML document.
func ParseTML(data []byte) (Doc, error) {
	var d Doc
	start := bytes.Index(data, []byte("<TEXT>"))
	end := bytes.Index(data, []byte("</TEXT>"))
	if start < 0 || end < start {
		return d, ErrNoText
	}
	if dct, ok := findDCT(data); ok {
		t, err := parseDCT(dct)
		if err != nil {
			return d, fmt.Errorf("parse creation time %q: %w", dct, err)
		}
		d.DCT = t
	}
	body := data[start+len("<TEXT>") : end]
	var sb strings.Builder
	sb.Grow(len(body))
	var open *Timex
	for i := 0; i < len(body); {
		c := body[i]
		switch c {
		case '<':
			j := bytes.IndexByte(body[i:], '>')
			if j < 0 {
				return d, fmt.Errorf("read tag at %d: %w", i, ErrBadTag)
			}
			tag := string(body[i+1 : i+j])
			i += j + 1
			switch {
			case strings.HasPrefix(tag, "TIMEX3"):
				attrs := parseAttrs(tag)
				open = &Timex{Start: sb.Len(), Type: attrs["type"], Value: attrs["value"], Mod: attrs["mod"]}
			case tag == "/TIMEX3" && open != nil:
				open.End = sb.Len()
				open.Text = sb.String()[open.Start:open.End]
				d.Timexes = append(d.Timexes, *open)
				open = nil
			}
		case '&':
			j := bytes.IndexByte(body[i:], ';')
			if j > 0 && j < 8 {
				if r, ok := entities[string(body[i+1:i+j])]; ok {
					sb.WriteString(r)
					i += j + 1
					continue
				}
			}
			sb.WriteByte(c)
			i++
		default:
			sb.WriteByte(c)
			i++
		}
	}
	d.Text = sb.String()
	return d, nil
}

var entities = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"}

// findDCT returns the value of the CREATION_TIME TIMEX3.
func findDCT(data []byte) (string, bool) {
	for rest := data; ; {
		i := bytes.Index(rest, []byte("<TIMEX3"))
		if i < 0 {
			return "", false
		}
		j := bytes.IndexByte(rest[i:], '>')
		if j < 0 {
			return "", false
		}
		attrs := parseAttrs(string(rest[i+1 : i+j]))
		if attrs["functionInDocument"] == "CREATION_TIME" {
			return attrs["value"], true
		}
		rest = rest[i+j:]
	}
}

// parseDCT reads the TIMEX3 value of a creation time.
func parseDCT(v string) (time.Time, error) {
	var err error
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", "20060102"} {
		var t time.Time
		if t, err = time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}

// parseAttrs reads name="value" pairs of a tag.
func parseAttrs(tag string) map[string]string {
	m := map[string]string{}
	for {
		eq := strings.Index(tag, "=\"")
		if eq < 0 {
			return m
		}
		name := tag[:eq]
		if sp := strings.LastIndexAny(name, " \t\n"); sp >= 0 {
			name = name[sp+1:]
		}
		rest := tag[eq+2:]
		q := strings.IndexByte(rest, '"')
		if q < 0 {
			return m
		}
		m[name] = rest[:q]
		tag = rest[q+1:]
	}
}
