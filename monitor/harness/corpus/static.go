package corpus

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteStatic writes the current feeds and article pages of s under dir, at
// their URL paths (dir/feeds/wire.rss, dir/wire/world/.../slug.html), so a
// static web server such as nginx can serve the same corpus. Links inside the
// files use Options.BaseURL, else s.URL(); with neither it returns
// ErrNotStarted. Pages are written with one draw of boilerplate.
func WriteStatic(dir string, s *Server) error {
	base := s.base()
	if base == "" {
		return fmt.Errorf("write static corpus: no base url: %w", ErrNotStarted)
	}
	write := func(p string, body []byte) error {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("write static corpus: %w", err)
		}
		if err := os.WriteFile(full, body, 0o644); err != nil {
			return fmt.Errorf("write static corpus: %w", err)
		}
		return nil
	}
	for i, f := range s.feeds {
		body, _, _, err := s.feedBody(i, base)
		if err != nil {
			return fmt.Errorf("write static corpus: %w", err)
		}
		if err := write(f.path, body); err != nil {
			return err
		}
	}
	for i, a := range s.arts {
		body, _, _, err := s.pageBody(i, base, 0)
		if err != nil {
			return fmt.Errorf("write static corpus: %w", err)
		}
		if err := write(a.path, body); err != nil {
			return err
		}
	}
	return nil
}
