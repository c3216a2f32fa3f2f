package config

import (
	"os"
	"path/filepath"
	"testing"
)

// TestStoreDSNFile: the DSN file is read by Load and by LoadForReading
// (the read commands open the database themselves), relative to the
// config file.
func TestStoreDSNFile(t *testing.T) {
	dir := t.TempDir()
	const dsn = "postgres://sw:pw@db.example/sw"
	if err := os.WriteFile(filepath.Join(dir, "dsn"), []byte(dsn+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte("store:\n  driver: postgres\n  dsn_file: dsn\n"+feed), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, load := range map[string]func(string) (*Config, error){"Load": Load, "LoadForReading": LoadForReading} {
		c, err := load(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if c.Store.DSN.Reveal() != dsn || c.Store.Driver != DriverPostgres {
			t.Errorf("%s: driver %q dsn %q", name, c.Store.Driver, c.Store.DSN.Reveal())
		}
	}
	if err := os.Remove(filepath.Join(dir, "dsn")); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadForReading(path); err == nil {
		t.Error("LoadForReading with a missing dsn_file succeeded")
	}
}
