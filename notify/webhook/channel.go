package webhook

import (
	"crypto/sha256"
	"encoding/hex"
)

// Channel returns the outbox channel name for this webhook:
// "webhook:" + the first 12 hex digits of the URL's SHA-256 (for Matrix, of
// the URL and the room, since one homeserver serves many rooms). It is
// stable across restarts and reorderings of the config, so pending alerts
// still find their webhook, and it does not reveal the URL's tokens.
func (c Config) Channel() string {
	key := c.URL
	if c.Room != "" {
		key += "\x00" + c.Room
	}
	sum := sha256.Sum256([]byte(key))
	return "webhook:" + hex.EncodeToString(sum[:6])
}
