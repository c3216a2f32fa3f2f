package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"strings"
	"sync/atomic"
	"testing"
)

// TestFramesRoundTrip writes stdout and stderr through a frameMux and
// reads them back with readFrames: same bytes per stream, same exit code.
func TestFramesRoundTrip(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 3*maxFramePayload/16+5) // over several frames
	type write struct {
		stderr bool
		s      string
	}
	tests := []struct {
		name   string
		writes []write
		code   int
	}{
		{"nothing", nil, 0},
		{"stdout only", []write{{false, "hello\n"}}, 0},
		{"stderr and exit 1", []write{{true, "storywatch: article x: not found\n"}}, 1},
		{"interleaved", []write{{false, "a"}, {true, "b"}, {false, ""}, {false, "c\n"}, {true, "d\n"}}, 2},
		{"one write over many frames", []write{{false, big}, {true, "tail\n"}}, 0},
		{"exactly one frame", []write{{false, big[:maxFramePayload]}}, 0},
		{"negative code", []write{{false, "x"}}, -1},
		{"large code", []write{}, 255},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var wire bytes.Buffer
			mux := newFrameMux(&wire)
			stdout, stderr := mux.stream(frameStdout), mux.stream(frameStderr)
			var wantOut, wantErr strings.Builder
			for _, w := range tt.writes {
				dst, want := stdout, &wantOut
				if w.stderr {
					dst, want = stderr, &wantErr
				}
				n, err := dst.Write([]byte(w.s))
				if err != nil || n != len(w.s) {
					t.Fatalf("Write(%d bytes) = %d, %v", len(w.s), n, err)
				}
				want.WriteString(w.s)
			}
			if err := mux.exit(tt.code); err != nil {
				t.Fatal(err)
			}
			var gotOut, gotErr bytes.Buffer
			code, err := readFrames(&wire, &gotOut, &gotErr)
			if err != nil {
				t.Fatal(err)
			}
			if code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if gotOut.String() != wantOut.String() || gotErr.String() != wantErr.String() {
				t.Errorf("stdout %d bytes, stderr %q; want %d bytes, %q", gotOut.Len(), gotErr.String(), wantOut.Len(), wantErr.String())
			}
			if wire.Len() != 0 {
				t.Errorf("%d bytes left after the exit frame", wire.Len())
			}
		})
	}
}

// TestFramesBadInput checks that readFrames rejects truncated, oversized
// and unknown frames instead of hanging, allocating or inventing a code.
func TestFramesBadInput(t *testing.T) {
	frame := func(kind byte, n uint32, payload string) string {
		var h [frameHeaderSize]byte
		h[0] = kind
		binary.BigEndian.PutUint32(h[1:], n)
		return string(h[:]) + payload
	}
	exit0 := frame(frameExit, 4, "\x00\x00\x00\x00")
	tests := []struct {
		name, wire string
		want       string // in the error
	}{
		{"empty", "", "before the command finished"},
		{"no exit frame", frame(frameStdout, 2, "hi"), "before the command finished"},
		{"cut header", frame(frameStdout, 2, "hi")[:3], "before the command finished"},
		{"cut payload", frame(frameStdout, 10, "hi"), "before the command finished"},
		{"oversized", frame(frameStdout, maxFramePayload+1, "") + exit0, "over the limit"},
		{"huge length", frame(frameStderr, 0xffffffff, "") + exit0, "over the limit"},
		{"unknown kind", frame('z', 1, "a") + exit0, "unknown frame kind"},
		{"short exit", frame(frameExit, 2, "\x00\x01"), "exit frame of 2 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, err := readFrames(strings.NewReader(tt.wire), io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("readFrames = %d, %v; want an error with %q", code, err, tt.want)
			}
		})
	}
	if _, err := readFrames(strings.NewReader(""), io.Discard, io.Discard); !errors.Is(err, errNoExitFrame) {
		t.Errorf("empty answer: %v, want errNoExitFrame", err)
	}
}

// countingWriter counts what passes and remembers the largest write.
type countingWriter struct {
	n, largest atomic.Int64
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n.Add(int64(len(p)))
	if int64(len(p)) > w.largest.Load() {
		w.largest.Store(int64(len(p)))
	}
	return len(p), nil
}

// TestFramesBounded streams 16 MB from a command to a client over a
// synchronous pipe (net.Pipe holds nothing: a write returns once read)
// and checks after every write of the command that it is never further
// ahead of what the client has passed on than the daemon's buffer plus
// the client's one frame: neither side accumulates the output.
func TestFramesBounded(t *testing.T) {
	daemonEnd, clientEnd := net.Pipe()
	defer daemonEnd.Close()
	defer clientEnd.Close()

	var out, errOut countingWriter
	type result struct {
		code int
		err  error
	}
	done := make(chan result, 1)
	go func() {
		code, err := readFrames(clientEnd, &out, &errOut)
		done <- result{code, err}
	}()

	// Bytes the command has written are either in the daemon's buffer or
	// in the client's one frame, or already passed on.
	const bound = frameBufferSize + maxFramePayload
	mux := newFrameMux(daemonEnd)
	stdout, stderr := mux.stream(frameStdout), mux.stream(frameStderr)
	rng := rand.New(rand.NewPCG(1, 2))
	chunk := bytes.Repeat([]byte("x"), 3*maxFramePayload)
	var produced, worst int64
	for produced < 16<<20 {
		p := chunk[:rng.IntN(len(chunk))+1]
		if _, err := stdout.Write(p); err != nil {
			t.Fatal(err)
		}
		produced += int64(len(p))
		if rng.IntN(50) == 0 {
			if _, err := stderr.Write([]byte("warning\n")); err != nil {
				t.Fatal(err)
			}
			produced += 8
		}
		ahead := produced - out.n.Load() - errOut.n.Load()
		worst = max(worst, ahead)
		if ahead > bound {
			t.Fatalf("after %d bytes the command is %d bytes ahead of the client's output", produced, ahead)
		}
	}
	if err := mux.exit(3); err != nil {
		t.Fatal(err)
	}
	res := <-done
	if res.err != nil || res.code != 3 {
		t.Fatalf("readFrames = %d, %v", res.code, res.err)
	}
	if got := out.n.Load() + errOut.n.Load(); got != produced {
		t.Errorf("client wrote %d bytes, command %d", got, produced)
	}
	if l := out.largest.Load(); l > maxFramePayload {
		t.Errorf("client wrote %d bytes at once, more than a frame", l)
	}
	t.Logf("at most %d bytes in flight (bound %d)", worst, bound)
}

// TestFramesClientGone checks that the command's writes fail, and keep
// failing, once the client stops reading, so a forwarded command ends
// instead of producing output nobody reads.
func TestFramesClientGone(t *testing.T) {
	daemonEnd, clientEnd := net.Pipe()
	defer daemonEnd.Close()
	go func() {
		// Read one frame's header, then hang up (like `| head -1`).
		var h [frameHeaderSize]byte
		io.ReadFull(clientEnd, h[:])
		clientEnd.Close()
	}()
	mux := newFrameMux(daemonEnd)
	stdout := mux.stream(frameStdout)
	p := bytes.Repeat([]byte("y"), maxFramePayload)
	var err error
	for i := 0; i < 100 && err == nil; i++ {
		_, err = stdout.Write(p)
	}
	if err == nil {
		t.Fatal("writes to a client that hung up kept succeeding")
	}
	if _, err := stdout.Write([]byte("more")); err == nil {
		t.Error("a write after a failed one succeeded")
	}
	if err := mux.exit(0); err == nil {
		t.Error("exit to a client that hung up succeeded")
	}
}
