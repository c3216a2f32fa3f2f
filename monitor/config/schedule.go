package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // CRON_TZ= names must validate the same on hosts without zoneinfo

	"github.com/robfig/cron/v3"
)

// MinEvery is the shortest "@every" interval accepted: polling a feed more
// often is abuse of the publisher, and a typo like "@every 1s" should fail.
const MinEvery = 10 * time.Second

// scheduleParser accepts standard 5-field specs and descriptors. It is a
// value type with no state, so sharing it is safe.
var scheduleParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseSchedule parses a poll schedule: a standard 5-field cron spec
// ("*/10 * * * *"), a descriptor ("@hourly", "@every 10m", at least
// MinEvery), optionally prefixed by a time zone ("CRON_TZ=Europe/Berlin " or
// "TZ=Europe/Berlin "); without one, specs use the local time zone. robfig/cron
// panics on some malformed time zone prefixes; ParseSchedule checks them first
// and also turns any parser panic into an error. Errors wrap
// ErrInvalidSchedule. Hand the result to cron.Cron.Schedule rather than passing
// the string to AddFunc, so the daemon runs exactly what was validated.
func ParseSchedule(spec string) (s cron.Schedule, err error) {
	fail := func(cause error) error { return fmt.Errorf("%w %q: %w", ErrInvalidSchedule, spec, cause) }
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fail(fmt.Errorf("cron parser panicked: %v", r))
		}
	}()
	text := strings.TrimSpace(spec)
	if text == "" {
		return nil, fail(errors.New("empty schedule"))
	}
	rest := text
	if strings.HasPrefix(text, "TZ=") || strings.HasPrefix(text, "CRON_TZ=") {
		sp := strings.IndexByte(text, ' ')
		if sp < 0 {
			return nil, fail(errors.New("time zone prefix must be followed by a space and a schedule"))
		}
		name := text[strings.IndexByte(text, '=')+1 : sp]
		if name == "" || strings.ContainsAny(name, "\t\n\r\v\f") {
			return nil, fail(fmt.Errorf("invalid time zone name %q", name))
		}
		if _, err := time.LoadLocation(name); err != nil {
			return nil, fail(fmt.Errorf("unknown time zone %q: %w", name, err))
		}
		rest = strings.TrimSpace(text[sp:])
		if rest == "" {
			return nil, fail(errors.New("missing schedule after the time zone"))
		}
	}
	if d, ok := strings.CutPrefix(rest, "@every"); ok {
		iv, err := time.ParseDuration(strings.TrimSpace(d))
		if err != nil {
			return nil, fail(fmt.Errorf("bad @every interval: %w", err))
		}
		if iv < MinEvery {
			return nil, fail(fmt.Errorf("@every interval %s is shorter than %s", iv, MinEvery))
		}
	}
	if !strings.HasPrefix(rest, "@") {
		if err := checkSteps(rest); err != nil {
			return nil, fail(err)
		}
	}
	s, err = scheduleParser.Parse(text)
	if err != nil {
		return nil, fail(err)
	}
	// A valid spec such as "0 0 30 2 *" (February 30th) never fires; robfig
	// signals that with a zero time.
	if s.Next(time.Now()).IsZero() {
		return nil, fail(errors.New("schedule never fires"))
	}
	return s, nil
}

// fieldSizes is the number of values of each of the five cron fields.
var fieldSizes = [5]struct {
	name string
	size int
}{{"minute", 60}, {"hour", 24}, {"day of month", 31}, {"month", 12}, {"day of week", 7}}

// checkSteps rejects a step larger than its field ("*/61" minutes), which
// robfig/cron silently accepts as "only at 0" although it is surely a typo.
func checkSteps(spec string) error {
	fields := strings.Fields(spec)
	for i, f := range fields {
		if i >= len(fieldSizes) {
			break
		}
		for part := range strings.SplitSeq(f, ",") {
			_, step, ok := strings.Cut(part, "/")
			if !ok {
				continue
			}
			n, err := strconv.Atoi(step)
			if err != nil {
				continue // the cron parser reports it
			}
			if n > fieldSizes[i].size {
				return fmt.Errorf("step %d in %q exceeds the %d values of the %s field",
					n, part, fieldSizes[i].size, fieldSizes[i].name)
			}
		}
	}
	return nil
}
