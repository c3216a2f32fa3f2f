package email

import "errors"

// Configuration errors returned (joined) by [Config.Validate] and [New].
var (
	ErrNoHost      = errors.New("email: host is required")
	ErrBadPort     = errors.New("email: port must be between 1 and 65535")
	ErrBadTLS      = errors.New(`email: tls must be "starttls", "tls" or "none"`)
	ErrNoFrom      = errors.New("email: from address is required")
	ErrBadAddress  = errors.New("email: invalid address")
	ErrNoRecipient = errors.New("email: at least one recipient (to) is required")
	ErrNoUsername  = errors.New("email: password set without username")
	ErrBadDigest   = errors.New("email: digest interval must be positive")
)
