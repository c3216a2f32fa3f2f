package webhook

import (
	"errors"
	"fmt"
	"net/http"
)

// ErrInvalidURL means the configured webhook URL cannot be used. The URL
// itself is left out of the message because it may carry a token.
var ErrInvalidURL = errors.New("webhook: invalid URL (need http:// or https:// with a host)")

// ErrUnknownFormat means Config.Format names no known payload format.
var ErrUnknownFormat = errors.New("webhook: unknown format")

// ErrFormatOption means a key that the chosen format needs is missing, or
// one it does not use is set (room without matrix, secret with a preset).
var ErrFormatOption = errors.New("webhook: format option")

// StatusError is a non-2xx reply from the receiver.
type StatusError struct {
	Code int
}

// Error names the status code and text.
func (e *StatusError) Error() string {
	return fmt.Sprintf("unexpected status %d %s", e.Code, http.StatusText(e.Code))
}
