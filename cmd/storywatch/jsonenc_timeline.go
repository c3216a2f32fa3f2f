package main

import (
	"fmt"
	"io"
)

// writeTimelineJSON prints {"timeline": threads} exactly as writeJSON
// would (two-space indent, HTML escaping off, final newline), streamed:
// encoding/json builds and then re-indents the whole document, which at
// 100k versions is tens of megabytes and about two seconds.
func writeTimelineJSON(w io.Writer, threads []timelineJSON) error {
	buf := make([]byte, 0, jsonFlushSize+4<<10)
	buf = append(buf, "{\n  \"timeline\": "...)
	if threads == nil {
		buf = append(buf, "null"...)
	} else {
		buf = append(buf, '[')
		for i := range threads {
			if i > 0 {
				buf = append(buf, ',')
			}
			var err error
			if buf, err = threads[i].appendIndentedJSON(buf); err != nil {
				return fmt.Errorf("write json: %w", err)
			}
			if len(buf) >= jsonFlushSize {
				if _, err := w.Write(buf); err != nil {
					return fmt.Errorf("write json: %w", err)
				}
				buf = buf[:0]
			}
		}
		if len(threads) > 0 {
			buf = append(buf, "\n  "...)
		}
		buf = append(buf, ']')
	}
	buf = append(buf, "\n}\n"...)
	if _, err := w.Write(buf); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// appendIndentedJSON appends th as an element of the "timeline" array:
// its own line at depth 2, fields at depth 3, values at depth 4.
func (th *timelineJSON) appendIndentedJSON(dst []byte) ([]byte, error) {
	const in = "\n      " // a field of a thread
	dst = append(dst, "\n    {"+in+`"key": `...)
	dst = appendJSONString(dst, th.Key)
	dst = append(dst, ","+in+`"kind": `...)
	dst = appendJSONString(dst, string(th.Kind))
	dst = append(dst, ","+in+`"topic": `...)
	dst = appendJSONString(dst, th.Topic)
	dst = append(dst, ","+in+`"articles": `...)
	dst = appendJSONInt(dst, th.Articles)
	dst = append(dst, ","+in+`"changes": `...)
	dst = appendJSONInt(dst, th.Changes)
	dst = append(dst, ","+in+`"converged": `...)
	dst = appendJSONBool(dst, th.Converged)
	dst = append(dst, ","+in+`"contradicted": `...)
	dst = appendJSONBool(dst, th.Contradicted)
	dst = append(dst, ","+in+`"values": `...)
	if th.Values == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i := range th.Values {
			if i > 0 {
				dst = append(dst, ',')
			}
			var err error
			if dst, err = th.Values[i].appendIndentedJSON(dst); err != nil {
				return dst, err
			}
		}
		if len(th.Values) > 0 {
			dst = append(dst, in...)
		}
		dst = append(dst, ']')
	}
	return append(dst, "\n    }"...), nil
}

// appendIndentedJSON appends v as an element of a thread's "values"
// array: its own line at depth 4, fields at depth 5.
func (v *timelineValueJSON) appendIndentedJSON(dst []byte) ([]byte, error) {
	const in = "\n          " // a field of a value
	dst = append(dst, "\n        {"+in+`"value": `...)
	dst = appendJSONString(dst, v.Value)
	dst = append(dst, ","+in+`"text": `...)
	dst = appendJSONString(dst, v.Text)
	dst = append(dst, ","+in+`"sentence": `...)
	dst = appendJSONString(dst, v.Sentence)
	dst = append(dst, ","+in+`"article": `...)
	dst = appendJSONString(dst, v.Article)
	dst = append(dst, ","+in+`"article_id": `...)
	dst = appendJSONString(dst, v.ArticleID)
	dst = append(dst, ","+in+`"outlet": `...)
	dst = appendJSONString(dst, v.Outlet)
	dst = append(dst, ","+in+`"title": `...)
	dst = appendJSONString(dst, v.Title)
	dst = append(dst, ","+in+`"version": `...)
	dst = appendJSONInt(dst, v.Version)
	dst = append(dst, ","+in+`"last_version": `...)
	dst = appendJSONInt(dst, v.LastVersion)
	dst = append(dst, ","+in+`"first_seen": `...)
	dst, err := appendJSONTime(dst, v.FirstSeen)
	if err != nil {
		return dst, err
	}
	dst = append(dst, ","+in+`"last_seen": `...)
	if dst, err = appendJSONTime(dst, v.LastSeen); err != nil {
		return dst, err
	}
	dst = append(dst, ","+in+`"current": `...)
	dst = appendJSONBool(dst, v.Current)
	return append(dst, "\n        }"...), nil
}
