package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// signaturePrefix starts the X-Storywatch-Signature value.
const signaturePrefix = "sha256="

// Sign returns the X-Storywatch-Signature value for body:
// "sha256=" followed by the hex HMAC-SHA256 of body keyed with secret.
func Sign(body []byte, secret string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return signaturePrefix + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether header is a valid X-Storywatch-Signature for body
// and secret. It compares in constant time, and an empty secret never
// verifies (an unsigned request proves nothing).
func Verify(body []byte, header, secret string) bool {
	if secret == "" || !strings.HasPrefix(header, signaturePrefix) {
		return false
	}
	got, err := hex.DecodeString(strings.TrimPrefix(header, signaturePrefix))
	if err != nil {
		return false
	}
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return hmac.Equal(got, m.Sum(nil))
}
