package webhook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/storywatch/storywatch/notify"
)

// Formats of Config.Format: the payload a webhook receives. Every preset is
// built from the same alert as the generic body.
const (
	FormatJSON    = "json"    // storywatch's own signed body (CONTRACT.md); the default
	FormatSlack   = "slack"   // Slack incoming webhook: {"text","blocks"}
	FormatDiscord = "discord" // Discord webhook: {"content","embeds"}
	FormatNtfy    = "ntfy"    // ntfy JSON publish to the server root, topic from the URL
	FormatMatrix  = "matrix"  // Matrix client-server API: PUT m.room.message into Room
)

// Formats returns the accepted Config.Format values, the default first.
func Formats() []string {
	return []string{FormatJSON, FormatSlack, FormatDiscord, FormatNtfy, FormatMatrix}
}

// request is one HTTP request a format produces; Notify sends it.
type request struct {
	method, url string
	body        []byte
	header      http.Header
}

// build renders a in the configured format. a.Facts is never nil here.
func (n *Notifier) build(a notify.Alert) (*request, error) {
	var r *request
	var err error
	switch n.cfg.format() {
	case FormatSlack:
		r, err = n.jsonRequest(http.MethodPost, n.cfg.URL, slackPayload(a))
	case FormatDiscord:
		r, err = n.jsonRequest(http.MethodPost, n.cfg.URL, discordPayload(a))
	case FormatNtfy:
		base, topic := ntfyTarget(n.cfg.URL)
		r, err = n.jsonRequest(http.MethodPost, base, ntfyPayload(a, topic))
	case FormatMatrix:
		r, err = n.jsonRequest(http.MethodPut, "", matrixPayload(a))
		if err == nil {
			r.url = matrixURL(n.cfg.URL, n.cfg.Room, matrixTxn(a.Key, r.body))
		}
	default:
		// The generic body: exactly the contract's bytes, signed.
		var body []byte
		body, err = json.Marshal(a)
		r = &request{method: http.MethodPost, url: n.cfg.URL, body: body, header: http.Header{}}
		r.header.Set("Content-Type", "application/json")
		if err == nil && n.cfg.Secret != "" {
			r.header.Set(HeaderSignature, Sign(r.body, n.cfg.Secret))
		}
	}
	if err != nil {
		return nil, fmt.Errorf("encode alert: %w", err)
	}
	if a.Key != "" {
		r.header.Set(HeaderIdempotencyKey, a.Key)
	}
	event := EventFactChanged
	if len(a.Facts) == 0 {
		event = EventTextChanged
	}
	r.header.Set(HeaderEvent, event)
	if n.cfg.Token != "" {
		r.header.Set("Authorization", "Bearer "+n.cfg.Token)
	}
	return r, nil
}

// jsonRequest encodes a preset's payload v as the body of a JSON request.
// Unlike the generic body it leaves <, > and & as they are: the presets
// escape for their own markup, and \u003c would count six bytes against
// the services' size limits.
func (n *Notifier) jsonRequest(method, u string, v any) (*request, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	return &request{method: method, url: u, body: bytes.TrimSuffix(b.Bytes(), []byte("\n")), header: h}, nil
}

// format is the configured format, FormatJSON when unset.
func (c Config) format() string {
	if c.Format == "" {
		return FormatJSON
	}
	return c.Format
}

// validateFormat checks the format and the keys that only some formats
// take.
func (c Config) validateFormat() []error {
	var errs []error
	f := c.format()
	if !slices.Contains(Formats(), f) {
		return []error{fmt.Errorf("%w %q (want one of %s)", ErrUnknownFormat, c.Format, strings.Join(Formats(), ", "))}
	}
	if c.Secret != "" && f != FormatJSON {
		errs = append(errs, fmt.Errorf("%w: secret signs only the json format, not %s", ErrFormatOption, f))
	}
	if c.Token != "" && f != FormatNtfy && f != FormatMatrix {
		errs = append(errs, fmt.Errorf("%w: token is for the ntfy and matrix formats, not %s", ErrFormatOption, f))
	}
	if c.Room != "" && f != FormatMatrix {
		errs = append(errs, fmt.Errorf("%w: room is for the matrix format, not %s", ErrFormatOption, f))
	}
	switch f {
	case FormatMatrix:
		if c.Token == "" {
			errs = append(errs, fmt.Errorf("%w: matrix needs an access token", ErrFormatOption))
		}
		if !strings.HasPrefix(c.Room, "!") || !strings.Contains(c.Room, ":") {
			errs = append(errs, fmt.Errorf("%w: matrix needs room, a room ID like !abc123:example.org", ErrFormatOption))
		}
	case FormatNtfy:
		if _, topic := ntfyTarget(c.URL); topic == "" {
			errs = append(errs, fmt.Errorf("%w: the ntfy URL must end with the topic, like https://ntfy.sh/mytopic", ErrFormatOption))
		}
	}
	return errs
}

// webLink returns u when it is an http(s) URL that a chat service can
// link, else "": a javascript: link must never become clickable, and an
// invalid URL makes Discord refuse the whole message.
func webLink(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// metaLine says which version, by whom and how much changed, e.g.
// "Version 3 · AFP · sentences: 2 changed".
func metaLine(a notify.Alert) string {
	parts := []string{fmt.Sprintf("Version %d", a.Version)}
	if o := notify.OneLine(a.Outlet); o != "" {
		parts = append(parts, o)
	}
	if s := notify.OneLine(a.Summary); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, " · ")
}

// changeLines renders each fact change in words with the sentence it now
// stands in (or stood in, when removed); a text-only alert gets one line.
func changeLines(a notify.Alert) []changeLine {
	if len(a.Facts) == 0 {
		return []changeLine{{what: "Text changed"}}
	}
	out := make([]changeLine, 0, len(a.Facts))
	for _, c := range a.Facts {
		s := notify.OneLine(c.AfterSentence)
		if s == "" {
			s = notify.OneLine(c.BeforeSentence)
		}
		out = append(out, changeLine{what: notify.Describe(c), sentence: s})
	}
	return out
}

// changeLine is one fact change: what happened, and its sentence.
type changeLine struct{ what, sentence string }

// matrixTxn is the Matrix transaction ID: the alert key, so that a retry
// of the same alert is the same transaction and the homeserver drops the
// duplicate; the body's hash for an alert without a key.
func matrixTxn(key string, body []byte) string {
	if key != "" {
		return key
	}
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:16])
}

// matrixURL is the send endpoint for room on the homeserver at base.
func matrixURL(base, room, txn string) string {
	return strings.TrimRight(base, "/") + "/_matrix/client/v3/rooms/" + url.PathEscape(room) +
		"/send/m.room.message/" + url.PathEscape(txn)
}

// ntfyTarget splits an ntfy topic URL (https://ntfy.sh/mytopic) into the
// server root that takes JSON publishes and the topic.
func ntfyTarget(raw string) (base, topic string) {
	u, err := url.Parse(raw)
	if err != nil {
		return raw, ""
	}
	path := strings.TrimRight(u.Path, "/")
	i := strings.LastIndex(path, "/")
	if i < 0 {
		return raw, ""
	}
	topic = path[i+1:]
	u.Path, u.RawPath = path[:i]+"/", ""
	return u.String(), topic
}
