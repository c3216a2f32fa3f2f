package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"testing"

	"github.com/storywatch/storywatch/store/postgres/pgtest"
)

// TestBenchPostgres runs `bench --store postgres` small: it measures the
// bbolt baseline and two replicas, each pass checked complete (every
// article stored, every edit a change) before its time counts.
func TestBenchPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns storywatch processes: skipped in -short mode")
	}
	base := pgtest.Base(t) // the bench makes its own schemas there
	cmd := exec.Command(binPath, "bench", "--store", "postgres", "--pg-articles", "40", "--pg-feeds", "4",
		"--pg-replicas", "2", "--pg-changed", "0.25", "--pg-json")
	cmd.Env = append(os.Environ(), envBenchPostgres+"="+base)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bench --store postgres: %v\n%s", err, out)
	}
	var res struct {
		Replicas []struct {
			Store    string `json:"store"`
			Replicas int    `json:"replicas"`
			Articles int    `json:"articles"`
			Edited   int    `json:"edited"`
			Ingest   int64  `json:"ingest_ns"`
			Revision int64  `json:"revision_ns"`
		} `json:"replicas"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	if len(res.Replicas) != 2 || res.Replicas[0].Store != "bolt" || res.Replicas[1].Store != "postgres" || res.Replicas[1].Replicas != 2 {
		t.Fatalf("results: %+v", res.Replicas)
	}
	for _, r := range res.Replicas {
		if r.Articles != 40 || r.Edited != 10 || r.Ingest <= 0 || r.Revision <= 0 {
			t.Errorf("%s x%d: %+v", r.Store, r.Replicas, r)
		}
	}
}
