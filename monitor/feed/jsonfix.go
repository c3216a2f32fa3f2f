package feed

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// jsonKind is the JSON type a JSON Feed field has by the spec.
type jsonKind int

const (
	jsString  jsonKind = iota // a string; a number is coerced to its literal
	jsBool                    // true or false
	jsInt                     // a whole number
	jsStrings                 // a list of strings; a lone string is a list of one
	jsObject                  // one object of the field's schema
	jsObjects                 // a list of objects of the field's schema; a lone object is a list of one
)

// jsonField is one field of a JSON Feed object: its kind and, for objects,
// their fields.
type jsonField struct {
	kind   jsonKind
	fields map[string]jsonField
}

var (
	jsonAuthor = map[string]jsonField{"name": {}, "url": {}, "avatar": {}}
	jsonAttach = map[string]jsonField{"url": {}, "mime_type": {}, "title": {},
		"size_in_bytes": {kind: jsInt}, "duration_in_seconds": {kind: jsInt}}
	jsonItem = map[string]jsonField{"id": {}, "url": {}, "external_url": {}, "title": {}, "content_html": {},
		"content_text": {}, "summary": {}, "image": {}, "banner_image": {}, "date_published": {},
		"date_modified": {}, "language": {}, "tags": {kind: jsStrings},
		"author":      {kind: jsObject, fields: jsonAuthor},
		"authors":     {kind: jsObjects, fields: jsonAuthor},
		"attachments": {kind: jsObjects, fields: jsonAttach}}
	jsonFeedFields = map[string]jsonField{"version": {}, "title": {}, "home_page_url": {}, "feed_url": {},
		"description": {}, "user_comment": {}, "next_url": {}, "icon": {}, "favicon": {}, "language": {},
		"expired": {kind: jsBool},
		"author":  {kind: jsObject, fields: jsonAuthor},
		"authors": {kind: jsObjects, fields: jsonAuthor},
		"items":   {kind: jsObjects, fields: jsonItem}}
)

// conformJSONFeed rewrites a JSON Feed whose fields have types off the spec
// ("id": 123, "tags": "x", "date_published": 5, an item that is a string)
// into one gofeed decodes: a number where a string belongs becomes its
// literal (the spec asks readers to coerce an id so), a lone tag, item,
// author or attachment a list of one (converters from XML write a list of
// one so), and anything else of the wrong type is left out, that field or that
// list entry only. encoding/json stops the whole feed at the first such
// field, so one item's odd field lost every item. Keys the spec does not
// name are left out too: storywatch reads none of them.
func conformJSONFeed(body []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("read JSON Feed: %w", err)
	}
	root, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("read JSON Feed: the top level is not an object: %w", ErrNotFeed)
	}
	switch root["items"].(type) {
	case []any, map[string]any: // a list, or one item standing for it
	default:
		// no items to save: the feed's error stands, rather than a feed
		// that reads as having none
		return nil, fmt.Errorf("read JSON Feed: items is not a list: %w", ErrNotFeed)
	}
	return json.Marshal(conformObject(root, jsonFeedFields))
}

// conformObject keeps the fields of o that schema names, each made to its
// kind or left out.
func conformObject(o map[string]any, schema map[string]jsonField) map[string]any {
	out := make(map[string]any, len(o))
	for k, v := range o {
		f, ok := schema[k]
		if !ok {
			continue
		}
		if c, ok := conformValue(v, f); ok {
			out[k] = c
		}
	}
	return out
}

// conformValue makes v of kind f.kind; ok is false when it cannot be.
func conformValue(v any, f jsonField) (any, bool) {
	switch f.kind {
	case jsString:
		switch x := v.(type) {
		case string:
			return x, true
		case json.Number:
			return x.String(), true
		}
	case jsBool:
		b, ok := v.(bool)
		return b, ok
	case jsInt:
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				return i, true
			}
		}
	case jsStrings:
		list, ok := v.([]any)
		if !ok {
			list = []any{v}
		}
		out := make([]string, 0, len(list))
		for _, e := range list {
			if s, ok := conformValue(e, jsonField{}); ok {
				out = append(out, s.(string))
			}
		}
		return out, true
	case jsObject:
		if o, ok := v.(map[string]any); ok {
			return conformObject(o, f.fields), true
		}
	case jsObjects:
		list, ok := v.([]any)
		if o, one := v.(map[string]any); one {
			// a converter's list of one written as its one element
			list, ok = []any{o}, true
		}
		if !ok {
			return nil, false
		}
		out := make([]any, 0, len(list))
		for _, e := range list {
			if o, ok := e.(map[string]any); ok {
				out = append(out, conformObject(o, f.fields))
			}
		}
		return out, true
	}
	return nil, false
}
