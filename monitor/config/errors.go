package config

import "errors"

// Sentinel errors. Every Problem wraps one of them (or the underlying I/O
// error), so callers can classify problems with errors.Is.
var (
	// ErrSyntax means the file is not well-formed YAML.
	ErrSyntax = errors.New("config: YAML syntax error")
	// ErrUnknownKey means a mapping key that no config field uses (usually a typo).
	ErrUnknownKey = errors.New("config: unknown key")
	// ErrType means a value has the wrong YAML type for its key, e.g. text where a number belongs.
	ErrType = errors.New("config: wrong value type")
	// ErrDuplicateKey means a key given twice in one mapping; it comes
	// with ErrType, and the mapping holding it is not read at all.
	ErrDuplicateKey = errors.New("config: duplicate key")
	// ErrMissingVariable means a ${NAME} reference names an unset environment variable.
	ErrMissingVariable = errors.New("config: environment variable not set")
	// ErrBadReference means a malformed ${...} reference, e.g. "${1X}" or an unclosed "${".
	ErrBadReference = errors.New("config: malformed variable reference")
	// ErrInvalid means a well-typed value that breaks a validation rule.
	ErrInvalid = errors.New("config: invalid value")
	// ErrInvalidSchedule means a cron spec or descriptor that cannot be parsed or never fires.
	ErrInvalidSchedule = errors.New("invalid cron spec")
	// ErrSecretFile means a *_file secret could not be read or is empty.
	ErrSecretFile = errors.New("config: unreadable secret file")
)
