package notifytest

import (
	"errors"
	"testing"
	"time"

	"github.com/storywatch/storywatch/notify"
)

func TestOutbox(t *testing.T) {
	t0 := time.Date(2025, 8, 19, 12, 0, 0, 0, time.UTC)
	ob := NewOutbox()
	ob.Add(notify.Pending{Key: "b", Created: t0.Add(time.Second)})
	ob.Add(notify.Pending{Key: "a", Created: t0})
	ob.Add(notify.Pending{Key: "later", Created: t0.Add(time.Hour)})

	due, _ := ob.Due(t0.Add(time.Minute), 10)
	if len(due) != 2 || due[0].Key != "a" || due[1].Key != "b" {
		t.Fatalf("Due = %+v, want a, b oldest first", due)
	}
	if due, _ := ob.Due(t0.Add(time.Minute), 1); len(due) != 1 {
		t.Errorf("limit ignored: %d entries", len(due))
	}
	if err := ob.Failed("a", t0.Add(2*time.Minute), "boom"); err != nil {
		t.Fatal(err)
	}
	if e, _ := ob.Entry("a"); e.Attempts != 1 || e.LastError != "boom" {
		t.Errorf("after Failed: %+v", e)
	}
	if due, _ := ob.Due(t0.Add(time.Minute), 10); len(due) != 1 || due[0].Key != "b" {
		t.Errorf("failed entry still due before its next attempt: %+v", due)
	}
	if err := ob.Delivered("b", t0); err != nil {
		t.Fatal(err)
	}
	if err := ob.Dead("b", t0, "x"); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("Dead after Delivered = %v, want ErrUnknownKey", err)
	}
	if err := ob.Failed("nope", t0, ""); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("Failed(unknown) = %v, want ErrUnknownKey", err)
	}
	c := NewClock(t0)
	c.Advance(time.Minute)
	if !c.Now().Equal(t0.Add(time.Minute)) {
		t.Errorf("clock at %s", c.Now())
	}
}
