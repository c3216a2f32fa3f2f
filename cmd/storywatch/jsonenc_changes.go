package main

import "github.com/storywatch/storywatch/diff/facts"

// appendJSON appends c as compact JSON, byte for byte what encoding/json
// writes for changeJSON (field order and tags of the struct).
func (c *changeJSON) appendJSON(dst []byte) ([]byte, error) {
	dst = append(dst, `{"article":`...)
	dst = appendJSONString(dst, c.Article)
	dst = append(dst, `,"article_id":`...)
	dst = appendJSONString(dst, c.ArticleID)
	dst = append(dst, `,"title":`...)
	dst = appendJSONString(dst, c.Title)
	dst = append(dst, `,"version":`...)
	dst = appendJSONInt(dst, c.Version)
	dst = append(dst, `,"detected_at":`...)
	dst, err := appendJSONTime(dst, c.DetectedAt)
	if err != nil {
		return dst, err
	}
	dst = append(dst, `,"facts":`...)
	dst = appendJSONFactChanges(dst, c.Facts)
	if len(c.SinceFirst) > 0 { // omitempty
		dst = append(dst, `,"since_first":`...)
		dst = appendJSONFactChanges(dst, c.SinceFirst)
	}
	dst = append(dst, `,"inserted":`...)
	dst = appendJSONInt(dst, c.Inserted)
	dst = append(dst, `,"deleted":`...)
	dst = appendJSONInt(dst, c.Deleted)
	dst = append(dst, `,"changed":`...)
	dst = appendJSONInt(dst, c.Changed)
	dst = append(dst, `,"moved":`...)
	dst = appendJSONInt(dst, c.Moved)
	return append(dst, '}'), nil
}

// appendJSONFactChanges appends fs as a compact JSON array (null when nil,
// as encoding/json writes a nil slice).
func appendJSONFactChanges(dst []byte, fs []facts.Change) []byte {
	if fs == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i := range fs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONFactChange(dst, &fs[i])
	}
	return append(dst, ']')
}

// appendJSONFactChange appends f as compact JSON in the field order and
// with the tags of facts.Change.
func appendJSONFactChange(dst []byte, f *facts.Change) []byte {
	dst = append(dst, `{"kind":`...)
	dst = appendJSONString(dst, string(f.Kind))
	dst = append(dst, `,"before":`...)
	dst = appendJSONString(dst, f.Before)
	dst = append(dst, `,"after":`...)
	dst = appendJSONString(dst, f.After)
	dst = append(dst, `,"before_value":`...)
	dst = appendJSONString(dst, f.BeforeValue)
	dst = append(dst, `,"after_value":`...)
	dst = appendJSONString(dst, f.AfterValue)
	dst = append(dst, `,"subject":`...)
	dst = appendJSONString(dst, f.Subject)
	dst = append(dst, `,"before_sentence":`...)
	dst = appendJSONString(dst, f.BeforeSentence)
	dst = append(dst, `,"after_sentence":`...)
	dst = appendJSONString(dst, f.AfterSentence)
	if f.Detail != "" { // omitempty
		dst = append(dst, `,"detail":`...)
		dst = appendJSONString(dst, f.Detail)
	}
	return append(dst, '}')
}
