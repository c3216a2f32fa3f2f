package config

import (
	"errors"
	"testing"
	"time"

	"github.com/robfig/cron/v3"
)

// TestParseScheduleValid checks accepted specs and that the time zone
// prefix is honoured.
func TestParseScheduleValid(t *testing.T) {
	base := time.Date(2025, 8, 18, 10, 3, 0, 0, time.UTC) // a Monday
	tests := []struct {
		spec string
		want time.Time // next run after base
	}{
		{"*/10 * * * *", time.Date(2025, 8, 18, 10, 10, 0, 0, time.Local)},
		{"@hourly", time.Date(2025, 8, 18, 11, 0, 0, 0, time.Local)},
		{"@every 10m", base.Add(10 * time.Minute)},
		{"@every 10s", base.Add(10 * time.Second)},
		{"CRON_TZ=Europe/Berlin 0 13 * * *", time.Date(2025, 8, 18, 11, 0, 0, 0, time.UTC)},
		{"TZ=America/New_York 30 6 * * *", time.Date(2025, 8, 18, 10, 30, 0, 0, time.UTC)},
		{"TZ=UTC @every 5m", base.Add(5 * time.Minute)},
		{"  0 12 * * 1-5  ", time.Date(2025, 8, 18, 12, 0, 0, 0, time.Local)},
		{"*/60 * * * *", time.Date(2025, 8, 18, 11, 0, 0, 0, time.Local)},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			s, err := ParseSchedule(tt.spec)
			if err != nil {
				t.Fatalf("ParseSchedule: %v", err)
			}
			from := base
			if tt.want.Location() == time.Local {
				// Local specs run in the host's zone; compare in it.
				from = time.Date(2025, 8, 18, 10, 3, 0, 0, time.Local)
			}
			if got := s.Next(from); !got.Equal(tt.want) {
				t.Errorf("Next(%v) = %v, want %v", from, got, tt.want)
			}
		})
	}
}

// TestParseScheduleNasty feeds specs that make robfig/cron panic or that
// are valid to it but wrong for us; each must be an error, never a panic.
func TestParseScheduleNasty(t *testing.T) {
	specs := []string{
		"",
		"   ",
		"TZ=",
		"TZ= ",
		"TZ= * * * * *",
		"CRON_TZ=",
		"TZ=Europe/Berlin",
		"CRON_TZ=Europe/Berlin",
		"TZ=Europe/Berlin ",
		"TZ=Europe/Berlin\t* * * * *",
		"TZ=Nowhere/Atlantis * * * * *",
		"TZ=../../etc/passwd * * * * *",
		"CRON_TZ=Europe/Berlin TZ=UTC * * * * *",
		"TZ==",
		"TZ=\x00 * * * * *",
		"*/61 * * * *",
		"* */25 * * *",
		"* * */32 * *",
		"* * * */13 *",
		"* * * * */8",
		"61 * * * *",
		"* * * *",
		"* * * * * *",
		"*/0 * * * *",
		"@every",
		"@every ",
		"@every 0s",
		"@every -5m",
		"@every 9s",
		"@every 1d",
		"@every 10m extra",
		"@fortnightly",
		"@",
		"0 0 30 2 *",
		"0 0 31 4 *",
		"a b c d e",
		"1-0 * * * *",
		"5-70 * * * *",
	}
	for _, spec := range specs {
		t.Run(spec, func(t *testing.T) {
			s, err := ParseSchedule(spec)
			if err == nil {
				t.Fatalf("ParseSchedule(%q) succeeded (%T), want an error", spec, s)
			}
			if !errors.Is(err, ErrInvalidSchedule) {
				t.Errorf("error does not wrap ErrInvalidSchedule: %v", err)
			}
			if s != nil {
				t.Errorf("non-nil schedule along with an error")
			}
		})
	}
}

// TestRobfigStillPanics documents why ParseSchedule guards the parser: if
// robfig/cron stops panicking on this input, the guard can be simplified.
func TestRobfigStillPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Log("robfig/cron no longer panics on \"TZ=Europe/Berlin\"")
		}
	}()
	_, _ = cron.ParseStandard("TZ=Europe/Berlin")
}

// FuzzParseSchedule checks that no spec panics and that whatever is
// accepted yields a next run time.
func FuzzParseSchedule(f *testing.F) {
	for _, s := range []string{"*/10 * * * *", "@every 10m", "CRON_TZ=Europe/Berlin 0 9 * * 1-5", "TZ=", "TZ=UTC", "@every 0s", "0 0 30 2 *"} {
		f.Add(s)
	}
	now := time.Date(2025, 8, 18, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, spec string) {
		s, err := ParseSchedule(spec)
		if err != nil {
			return
		}
		if s.Next(now).IsZero() {
			t.Errorf("accepted %q but it never fires", spec)
		}
	})
}
