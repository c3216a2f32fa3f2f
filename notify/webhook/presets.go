package webhook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storywatch/storywatch/notify"
)

// Limits of the chat services, in characters unless noted (their
// documentation: Slack Block Kit, Discord embed limits, ntfy message size).
const (
	slackHeaderMax   = 150
	slackSectionMax  = 3000
	slackMaxBlocks   = 50
	discordContent   = 2000
	discordTitle     = 256
	discordDesc      = 4096
	discordFooterMax = 256 // of 2048, so that title + description + footer stay under 6000
	ntfyMessageBytes = 4096
	ntfyTitleMax     = 250
	matrixMaxBytes   = 48 << 10 // body + formatted_body; an event may not exceed 64 KiB
	matrixLineMax    = 1000     // characters of one change or sentence
)

// slackMessage is a Slack incoming-webhook payload.
type slackMessage struct {
	Text   string       `json:"text"` // the notification's fallback
	Blocks []slackBlock `json:"blocks"`
}

type slackBlock struct {
	Type     string      `json:"type"`
	Text     *slackText  `json:"text,omitempty"`
	Elements []slackText `json:"elements,omitempty"`
}

type slackText struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// slackEscape escapes the three characters Slack's mrkdwn treats as markup,
// so that "<!channel>" in a headline cannot ping a whole channel.
var slackEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// slackCut cuts escaped mrkdwn to max characters without leaving half an
// entity at the end.
func slackCut(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	s = notify.Truncate(s, max)
	if amp := strings.LastIndexByte(s, '&'); amp >= 0 && !strings.Contains(s[amp:], ";") {
		s = s[:amp] + "…"
	}
	return s
}

func slackPayload(a notify.Alert) slackMessage {
	title := slackEscape.Replace(notify.Title(a))
	meta := slackEscape.Replace(metaLine(a))
	if link := webLink(a.Article); link != "" {
		// The link's own characters are escaped the same way Slack asks.
		meta = "<" + slackEscape.Replace(link) + "|" + meta + ">"
	}
	blocks := []slackBlock{
		{Type: "header", Text: &slackText{Type: "plain_text", Text: notify.Truncate(notify.Title(a), slackHeaderMax)}},
		{Type: "section", Text: &slackText{Type: "mrkdwn", Text: slackCut("*"+title+"*\n"+meta, slackSectionMax)}},
	}
	lines := changeLines(a)
	room := slackMaxBlocks - len(blocks) - 1 // the context block closes the message
	for i, l := range lines {
		if i == room-1 && len(lines) > room {
			blocks = append(blocks, slackBlock{Type: "section", Text: &slackText{Type: "mrkdwn",
				Text: fmt.Sprintf("… and %d more changes", len(lines)-i)}})
			break
		}
		text := "• " + slackEscape.Replace(l.what)
		if l.sentence != "" {
			text += "\n> " + slackEscape.Replace(l.sentence)
		}
		blocks = append(blocks, slackBlock{Type: "section", Text: &slackText{Type: "mrkdwn", Text: slackCut(text, slackSectionMax)}})
	}
	blocks = append(blocks, slackBlock{Type: "context", Elements: []slackText{{Type: "mrkdwn",
		Text: "Detected " + a.DetectedAt.UTC().Format("2006-01-02 15:04 UTC") + " by storywatch"}}})
	return slackMessage{Text: slackCut(slackEscape.Replace(notify.Subject(a)), slackSectionMax), Blocks: blocks}
}

// discordMessage is a Discord execute-webhook payload.
type discordMessage struct {
	Content string         `json:"content"`
	Embeds  []discordEmbed `json:"embeds"`
	// AllowedMentions with an empty parse list: "@everyone" in a headline
	// pings no one.
	AllowedMentions discordMentions `json:"allowed_mentions"`
}

type discordMentions struct {
	Parse []string `json:"parse"`
}

type discordEmbed struct {
	Title       string        `json:"title"`
	URL         string        `json:"url,omitempty"`
	Description string        `json:"description"`
	Timestamp   string        `json:"timestamp"`
	Footer      discordFooter `json:"footer"`
}

type discordFooter struct {
	Text string `json:"text"`
}

// discordEscape backslash-escapes Discord's inline markdown, so that an
// asterisk in a quote does not turn the rest of the message bold.
var discordEscape = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`", "|", `\|`)

// discordCut cuts escaped markdown to max characters without leaving a
// lone escaping backslash at the end.
func discordCut(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut := strings.TrimSuffix(notify.Truncate(s, max), "…")
	if n := len(cut) - len(strings.TrimRight(cut, `\`)); n%2 == 1 {
		cut = cut[:len(cut)-1]
	}
	return cut + "…"
}

func discordPayload(a notify.Alert) discordMessage {
	var desc strings.Builder
	for _, l := range changeLines(a) {
		desc.WriteString("• " + discordEscape.Replace(l.what) + "\n")
		if l.sentence != "" {
			desc.WriteString("> " + discordEscape.Replace(l.sentence) + "\n")
		}
	}
	return discordMessage{
		Content: discordCut(discordEscape.Replace(notify.Subject(a)), discordContent),
		Embeds: []discordEmbed{{
			Title:       notify.Truncate(notify.Title(a), discordTitle),
			URL:         webLink(a.Article),
			Description: discordCut(strings.TrimSuffix(desc.String(), "\n"), discordDesc),
			Timestamp:   a.DetectedAt.UTC().Format(time.RFC3339),
			Footer:      discordFooter{Text: notify.Truncate(metaLine(a), discordFooterMax)},
		}},
		AllowedMentions: discordMentions{Parse: []string{}},
	}
}

// ntfyMessage is an ntfy JSON publish.
type ntfyMessage struct {
	Topic    string   `json:"topic"`
	Title    string   `json:"title"`
	Message  string   `json:"message"`
	Tags     []string `json:"tags"`
	Priority int      `json:"priority"`
	Click    string   `json:"click,omitempty"`
}

func ntfyPayload(a notify.Alert, topic string) ntfyMessage {
	var msg strings.Builder
	msg.WriteString(metaLine(a))
	tags := []string{"newspaper"} // shown as an emoji
	for _, l := range changeLines(a) {
		msg.WriteString("\n• " + l.what)
	}
	for _, c := range a.Facts {
		if k := string(c.Kind); k != "" && !slices.Contains(tags, k) {
			tags = append(tags, k)
		}
	}
	priority := 3 // default
	if len(a.Facts) > 0 {
		priority = 4 // high: a fact changed
	}
	return ntfyMessage{
		Topic: topic, Title: notify.Truncate(notify.Title(a), ntfyTitleMax),
		Message: truncateBytes(msg.String(), ntfyMessageBytes), Tags: tags, Priority: priority,
		Click: webLink(a.Article),
	}
}

// truncateBytes cuts s to at most max bytes on a rune boundary, ending
// with "…" when cut: ntfy turns a longer message into an attachment.
func truncateBytes(s string, max int) string {
	// Invalid bytes would each become a 3-byte U+FFFD in JSON: count them
	// as such.
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= max {
		return s
	}
	s = s[:max-len("…")]
	// Drop the start of a rune the cut split.
	for i := 0; i < utf8.UTFMax && len(s) > 0; i++ {
		if r, size := utf8.DecodeLastRuneInString(s); r != utf8.RuneError || size > 1 {
			break
		}
		s = s[:len(s)-1]
	}
	return s + "…"
}

// matrixMessage is an m.room.message event of msgtype m.notice (what bots
// send, so that other bots do not answer it).
type matrixMessage struct {
	MsgType       string `json:"msgtype"`
	Body          string `json:"body"`
	Format        string `json:"format"`
	FormattedBody string `json:"formatted_body"`
}

func matrixPayload(a notify.Alert) matrixMessage {
	var plain, rich strings.Builder
	title, link := notify.Truncate(notify.Title(a), matrixLineMax), webLink(a.Article)
	meta := notify.Truncate(metaLine(a), matrixLineMax)
	plain.WriteString(title + "\n" + meta)
	if link != "" {
		plain.WriteString("\n" + link)
		rich.WriteString(`<p><strong><a href="` + html.EscapeString(link) + `">` + html.EscapeString(title) + "</a></strong><br>")
	} else {
		rich.WriteString("<p><strong>" + html.EscapeString(title) + "</strong><br>")
	}
	rich.WriteString(html.EscapeString(meta) + "</p>\n<ul>\n")
	// The budget counts bytes as they will stand in the JSON event, where
	// a control character or an invalid byte takes up to six.
	size := jsonLen(plain.String()) + jsonLen(rich.String())
	lines := changeLines(a)
	for i, l := range lines {
		what, sentence := notify.Truncate(l.what, matrixLineMax), notify.Truncate(l.sentence, matrixLineMax)
		item := "<li>" + html.EscapeString(what)
		if sentence != "" {
			item += "<blockquote>" + html.EscapeString(sentence) + "</blockquote>"
		}
		item += "</li>\n"
		grow := jsonLen("\n• "+what) + jsonLen(item)
		if size+grow > matrixMaxBytes {
			more := fmt.Sprintf("… and %d more changes", len(lines)-i)
			plain.WriteString("\n" + more)
			rich.WriteString("<li>" + more + "</li>\n")
			break
		}
		size += grow
		plain.WriteString("\n• " + what)
		rich.WriteString(item)
	}
	rich.WriteString("</ul>")
	return matrixMessage{MsgType: "m.notice", Body: plain.String(), Format: "org.matrix.custom.html", FormattedBody: rich.String()}
}

// jsonLen is the length of s encoded as a JSON string, quotes left out.
func jsonLen(s string) int {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)  // a string always encodes
	return b.Len() - 3 // the quotes and the newline
}
