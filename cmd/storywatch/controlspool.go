package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// A forwarded command runs in the daemon, and `changes --json` runs
// inside a store read transaction for as long as it writes. Writing
// straight to the socket would let a stalled client (`| less`) hold that
// transaction open, and a long read transaction stalls the daemon's
// writer whenever bbolt has to grow its memory map. The daemon therefore
// writes answers into an answerSpool, which a goroutine sends on. The
// spool keeps up to spoolMemLimit bytes in memory; when they are full the
// command waits while the client keeps reading, and once the client has
// taken nothing for spoolStall the rest goes to an unlinked temporary
// file. So a huge answer is never whole in memory, a client that reads
// costs no disk, and one that stops cannot hold the store.

// spoolMemLimit is how much of an answer the spool holds in memory; the
// sender holds as much again while it writes a chunk.
const spoolMemLimit = 4 << 20

// spoolStall is how long the client may take no data before the spool
// spills to disk instead of making the command wait.
const spoolStall = 250 * time.Millisecond

// spoolPiece is how much the sender writes to the client, or reads back
// from the spill file, at a time: the unit of progress.
const spoolPiece = 256 << 10

type answerSpool struct {
	dst      io.Writer // the client
	spillDir string
	memLimit int           // spoolMemLimit; other values in tests
	stall    time.Duration // spoolStall; other values in tests

	mu       sync.Mutex
	more     *sync.Cond // broadcast on new data, on progress, on close and on error
	mem      []byte     // pending bytes, all older than the file's
	spare    []byte     // the sender's last buffer, reused for mem
	file     *os.File   // spill file, created on first need
	rOff     int64      // file bytes before rOff are sent
	wOff     int64      // file bytes before wOff are written
	progress time.Time  // when the client last took a piece
	closed   bool
	// noSpill is set when no spill file could be created: the writer then
	// waits for the client however long it takes instead of failing.
	noSpill bool
	err     error // the first error of either side; ends both

	done chan struct{} // closed when the sender returns

	inFlight int64 // capacity of the memory chunk the sender is writing
	// For tests: the most bytes held in memory at once, and the bytes
	// that went through the file.
	peakMem, spilled int64
}

// newAnswerSpool starts the sender that copies what is written to dst.
// Spill files are created in spillDir (os.TempDir when empty).
func newAnswerSpool(dst io.Writer, spillDir string) *answerSpool {
	return newAnswerSpoolSize(dst, spillDir, spoolMemLimit, spoolStall)
}

// newAnswerSpoolSize is newAnswerSpool with another memory limit and
// stall time.
func newAnswerSpoolSize(dst io.Writer, spillDir string, memLimit int, stall time.Duration) *answerSpool {
	s := &answerSpool{dst: dst, spillDir: spillDir, memLimit: memLimit, stall: stall,
		progress: time.Now(), done: make(chan struct{})}
	s.more = sync.NewCond(&s.mu)
	go s.send()
	return s
}

// Write queues p. It waits for the client only while the client keeps
// taking data (or when there is no spill file), else for the disk.
func (s *answerSpool) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, s.err
	}
	if s.closed {
		return 0, fmt.Errorf("write answer: spool closed")
	}
	if len(p) == 0 {
		return 0, nil
	}
	// Data goes to memory only while the file has nothing pending, so
	// that everything in the file is newer than everything in memory.
	if s.wOff == s.rOff {
		s.waitForRoom(len(p))
		if s.err != nil {
			return 0, s.err
		}
		if len(s.mem) == 0 || len(s.mem)+len(p) <= s.memLimit {
			return s.appendMem(p), nil
		}
	}
	if s.file == nil {
		f, err := os.CreateTemp(s.spillDir, "storywatch-answer-*")
		if err != nil {
			// Not reached with noSpill unset: waitForRoom saw to that.
			s.err = fmt.Errorf("spill answer: %w", err)
			return 0, s.err
		}
		// Unlinked at once: the data lives as long as the open file, and
		// a killed daemon leaves nothing behind.
		os.Remove(f.Name())
		s.file = f
	}
	n, err := s.file.WriteAt(p, s.wOff)
	s.wOff += int64(n)
	s.spilled += int64(n)
	if err != nil {
		s.err = fmt.Errorf("spill answer: %w", err)
		return n, s.err
	}
	s.more.Broadcast()
	return n, nil
}

// waitForRoom waits, holding mu between waits, until n more bytes fit in
// memory, or the client has stalled and a spill file is at hand.
func (s *answerSpool) waitForRoom(n int) {
	start := time.Now()
	for s.err == nil && len(s.mem) > 0 && len(s.mem)+n > s.memLimit {
		if !s.noSpill {
			// The client has stalled when it took nothing for s.stall,
			// counted from the start of this wait at the earliest.
			since := s.progress
			if since.Before(start) {
				since = start
			}
			left := s.stall - time.Since(since)
			if left <= 0 {
				if s.file != nil {
					return
				}
				f, err := os.CreateTemp(s.spillDir, "storywatch-answer-*")
				if err == nil {
					os.Remove(f.Name()) // see Write
					s.file = f
					return
				}
				// Better a command that waits for its client than one
				// that fails.
				s.noSpill = true
				continue
			}
			t := time.AfterFunc(left, func() {
				s.mu.Lock()
				s.more.Broadcast()
				s.mu.Unlock()
			})
			s.more.Wait()
			t.Stop()
			continue
		}
		s.more.Wait()
	}
}

// appendMem queues p in memory; the caller holds mu.
func (s *answerSpool) appendMem(p []byte) int {
	if s.mem == nil {
		s.mem, s.spare = s.spare[:0], nil
	}
	s.mem = append(s.mem, p...)
	s.peakMem = max(s.peakMem, int64(cap(s.mem)+cap(s.spare))+s.inFlight)
	s.more.Broadcast()
	return len(p)
}

// send copies the queue to dst until the spool is closed and empty, or
// an error ends it.
func (s *answerSpool) send() {
	defer close(s.done)
	buf := make([]byte, spoolPiece)
	s.mu.Lock()
	defer s.mu.Unlock()
	fail := func(err error) {
		s.err = err
		s.more.Broadcast()
	}
	for {
		for s.err == nil && len(s.mem) == 0 && s.wOff == s.rOff && !s.closed {
			s.more.Wait()
		}
		if s.err != nil || (s.closed && len(s.mem) == 0 && s.wOff == s.rOff) {
			return
		}
		if len(s.mem) == 0 {
			n, err := s.file.ReadAt(buf[:min(int64(len(buf)), s.wOff-s.rOff)], s.rOff)
			if err != nil && n == 0 {
				fail(fmt.Errorf("read spilled answer: %w", err))
				return
			}
			s.mu.Unlock()
			_, err = s.dst.Write(buf[:n])
			s.mu.Lock()
			if err != nil {
				fail(err)
				return
			}
			s.rOff += int64(n)
			if s.rOff == s.wOff {
				// Drained: start the file over rather than let it grow.
				s.rOff, s.wOff = 0, 0
			}
			s.progress = time.Now()
			s.more.Broadcast()
			continue
		}
		chunk := s.mem
		s.mem, s.inFlight = nil, int64(cap(chunk))
		s.more.Broadcast() // a writer may wait for room
		for p := chunk; len(p) > 0; {
			piece := p[:min(len(p), spoolPiece)]
			s.mu.Unlock()
			_, err := s.dst.Write(piece)
			s.mu.Lock()
			if err != nil {
				fail(err)
				return
			}
			p = p[len(piece):]
			s.progress = time.Now()
			s.more.Broadcast()
		}
		s.spare, s.inFlight = chunk, 0
	}
}

// Close waits until everything written has been sent, closes the spill
// file and returns the first error of either side.
func (s *answerSpool) Close() error {
	s.mu.Lock()
	s.closed = true
	s.more.Broadcast()
	s.mu.Unlock()
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file != nil {
		s.file.Close()
		s.file = nil
	}
	return s.err
}
