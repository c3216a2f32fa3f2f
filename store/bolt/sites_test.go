package bolt

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/storywatch/storywatch/store"
)

func TestSitesRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	s := mustOpenPath(t, path, Options{})
	if got, err := s.Sites(); err != nil || len(got) != 0 {
		t.Fatalf("Sites() on a new store = %v, %v; want empty", got, err)
	}
	want := map[string]store.SiteState{
		"news.example.com": {Agreed: 3, Trusted: true, SinceCheck: 7, Skip: []uint64{1, 1 << 63}, Boiler: []uint64{18446744073709551615}, Common: []uint64{7}, Main: []uint64{9, 1 << 62}, Quiet: 4},
		"other.example":    {Agreed: 1},
	}
	if err := s.PutSites(want); err != nil {
		t.Fatal(err)
	}
	// A later write replaces one host and keeps the other.
	if err := s.PutSites(map[string]store.SiteState{"other.example": {Agreed: 2}}); err != nil {
		t.Fatal(err)
	}
	want["other.example"] = store.SiteState{Agreed: 2}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r := mustOpenPath(t, path, Options{ReadOnly: true})
	got, err := r.Sites()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sites() after reopen = %v, want %v", got, want)
	}
	if err := r.PutSites(want); err == nil {
		t.Error("PutSites on a read-only store succeeded")
	}
}
