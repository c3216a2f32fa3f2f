package main

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"
)

// gatedWriter collects what is written, each write waiting for a token
// (or for the gate to be closed).
type gatedWriter struct {
	tokens chan struct{}
	mu     sync.Mutex
	buf    bytes.Buffer
}

func (w *gatedWriter) Write(p []byte) (int, error) {
	<-w.tokens
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// randomChunks returns total bytes of random data, cut into chunks of
// 1..maxChunk bytes, so that a reordering or loss shows.
func randomChunks(seed uint64, total, maxChunk int) (all []byte, chunks [][]byte) {
	rng := rand.New(rand.NewPCG(seed, 7))
	all = make([]byte, total)
	for i := range all {
		all[i] = byte(rng.Uint32())
	}
	for rest := all; len(rest) > 0; {
		n := min(len(rest), 1+rng.IntN(maxChunk))
		chunks = append(chunks, rest[:n])
		rest = rest[n:]
	}
	return all, chunks
}

// TestSpoolClientNotReading writes 20 MB to a spool whose client reads
// nothing until the end: every write must return (the command waits
// for a stalled client at most the stall time), memory stays near the
// limit, the rest goes
// through the spill file, which is never visible in the directory, and
// the client finally gets every byte in order.
func TestSpoolClientNotReading(t *testing.T) {
	for _, stall := range []time.Duration{0, 20 * time.Millisecond} {
		t.Run(stall.String(), func(t *testing.T) {
			dir := t.TempDir()
			dst := &gatedWriter{tokens: make(chan struct{})}
			s := newAnswerSpoolSize(dst, dir, spoolMemLimit, stall)
			all, chunks := randomChunks(1, 20<<20, 100<<10)
			for _, c := range chunks {
				if n, err := s.Write(c); err != nil || n != len(c) {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("spill directory holds %d entries, want the file unlinked", len(entries))
			}
			close(dst.tokens) // the client reads from now on
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(dst.buf.Bytes(), all) {
				t.Fatalf("client got %d bytes, differing from byte %d of %d", dst.buf.Len(), firstDiff(dst.buf.Bytes(), all), len(all))
			}
			if s.spilled < int64(len(all))-3*spoolMemLimit {
				t.Errorf("only %d bytes spilled to disk", s.spilled)
			}
			if s.peakMem > 3*spoolMemLimit {
				t.Errorf("the spool held %d bytes in memory, limit %d", s.peakMem, spoolMemLimit)
			}
			t.Logf("peak memory %d, spilled %d", s.peakMem, s.spilled)
		})
	}
}

// TestSpoolOrder interleaves writes and client reads so that data moves
// between memory and the spill file many times, with a small memory
// limit, and requires the client to get exactly what was written.
func TestSpoolOrder(t *testing.T) {
	for _, tt := range []struct {
		name              string
		memLimit, perRead int // writes between two client reads
		wantSpill         bool
	}{
		{"memory only", 1 << 30, 3, false},
		{"spill every write", 1, 2, true},
		{"small limit", 5000, 4, true},
		{"reads keep up", 5000, 1, false}, // may spill or not
	} {
		t.Run(tt.name, func(t *testing.T) {
			dst := &gatedWriter{tokens: make(chan struct{})}
			s := newAnswerSpoolSize(dst, t.TempDir(), tt.memLimit, 0)
			all, chunks := randomChunks(2, 1<<20, 3000)
			for i, c := range chunks {
				if _, err := s.Write(c); err != nil {
					t.Fatal(err)
				}
				if i%tt.perRead == 0 {
					dst.tokens <- struct{}{} // one client write
				}
			}
			close(dst.tokens)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(dst.buf.Bytes(), all) {
				t.Fatalf("client got %d bytes, differing from byte %d of %d", dst.buf.Len(), firstDiff(dst.buf.Bytes(), all), len(all))
			}
			if !tt.wantSpill && tt.memLimit > len(all) && s.spilled != 0 {
				t.Errorf("%d bytes spilled under a limit above the whole answer", s.spilled)
			}
			if tt.wantSpill && s.spilled == 0 {
				t.Error("nothing went through the spill file")
			}
		})
	}
}

// TestSpoolCannotSpill checks that without a usable spill directory the
// spool makes the command wait for the client, within its memory limit,
// instead of failing it.
func TestSpoolCannotSpill(t *testing.T) {
	const limit = 10000
	dst := &gatedWriter{tokens: make(chan struct{})}
	s := newAnswerSpoolSize(dst, filepath.Join(t.TempDir(), "missing"), limit, 0)
	all, chunks := randomChunks(3, 2<<20, 3000)
	written := make(chan error, 1)
	go func() {
		for _, c := range chunks {
			if _, err := s.Write(c); err != nil {
				written <- err
				return
			}
		}
		written <- nil
	}()
	close(dst.tokens)
	if err := <-written; err != nil {
		t.Fatalf("Write without a spill file: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dst.buf.Bytes(), all) {
		t.Fatalf("client got %d bytes, differing from byte %d of %d", dst.buf.Len(), firstDiff(dst.buf.Bytes(), all), len(all))
	}
	if s.spilled != 0 || s.peakMem > 4*limit {
		t.Errorf("spilled %d bytes, peak memory %d (limit %d)", s.spilled, s.peakMem, limit)
	}
}

// TestSpoolClientReading checks that a client that keeps reading, however
// slowly, costs no disk: the command waits for it within the memory limit.
func TestSpoolClientReading(t *testing.T) {
	const limit = 10000
	dst := &gatedWriter{tokens: make(chan struct{})}
	s := newAnswerSpoolSize(dst, t.TempDir(), limit, time.Hour)
	all, chunks := randomChunks(4, 2<<20, 3000)
	written := make(chan error, 1)
	go func() {
		for _, c := range chunks {
			if _, err := s.Write(c); err != nil {
				written <- err
				return
			}
		}
		written <- nil
	}()
	// The client takes one piece per token, each one well after the last.
	for {
		select {
		case err := <-written:
			if err != nil {
				t.Fatal(err)
			}
			close(dst.tokens)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(dst.buf.Bytes(), all) {
				t.Fatalf("client got %d bytes, differing from byte %d of %d", dst.buf.Len(), firstDiff(dst.buf.Bytes(), all), len(all))
			}
			if s.spilled != 0 || s.peakMem > 4*limit {
				t.Errorf("spilled %d bytes, peak memory %d (limit %d)", s.spilled, s.peakMem, limit)
			}
			return
		case dst.tokens <- struct{}{}:
		}
	}
}

// TestSpoolClientGone checks that once the client cannot be written to,
// the command's writes fail (so it stops) and Close reports the error.
func TestSpoolClientGone(t *testing.T) {
	gone := errors.New("broken pipe")
	s := newAnswerSpool(failingWriter{gone}, t.TempDir())
	p := make([]byte, 1000)
	var err error
	for i := 0; err == nil; i++ {
		_, err = s.Write(p)
		runtime.Gosched()
	}
	if !errors.Is(err, gone) {
		t.Errorf("Write = %v, want the client's error", err)
	}
	if err := s.Close(); !errors.Is(err, gone) {
		t.Errorf("Close = %v, want the client's error", err)
	}
	if _, err := s.Write(p); err == nil {
		t.Error("Write after Close succeeded")
	}
}
