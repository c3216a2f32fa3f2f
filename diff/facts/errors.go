package facts

import "errors"

// ErrLexicon reports a malformed line in an embedded lexicon file.
var ErrLexicon = errors.New("facts: malformed lexicon")
