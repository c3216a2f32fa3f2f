package webhook_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/storywatch/storywatch/notify/webhook"
)

// BenchmarkNotify measures one signed delivery to a loopback receiver,
// connection reuse included.
func BenchmarkNotify(b *testing.B) {
	rcv := newReceiver(b, http.StatusNoContent)
	n := webhook.New(webhook.Config{URL: rcv.URL, Secret: "k"}, nil)
	a := sampleAlert()
	for b.Loop() {
		if err := n.Notify(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}
