package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
)

// A forwarded command's answer streams back as frames, so that neither the
// daemon nor the client ever holds a whole output (`changes --json` of a
// big store is tens of megabytes): the daemon writes stdout and stderr as
// the command produces them, the client copies each frame to its own
// stdout or stderr as it arrives, and the exit code comes last.
//
//	frame = kind(1) length(4, big-endian) payload(length)
//	kind  = 'o' stdout bytes | 'e' stderr bytes | 'x' exit code (4 bytes, big-endian)
//
// A frame carries at most maxFramePayload bytes; the client rejects
// longer ones, so a corrupt length cannot make it allocate. The first
// byte of the older protocol's answer, a JSON object, is '{', which is no
// frame kind: a client can tell which one a daemon speaks.
const (
	frameStdout = 'o'
	frameStderr = 'e'
	frameExit   = 'x'

	frameHeaderSize = 5
	maxFramePayload = 32 << 10
	// frameBufferSize is what the daemon buffers before writing to the
	// socket: the most of a command's output it holds at once.
	frameBufferSize = 64 << 10
)

var errNoExitFrame = errors.New("the daemon closed the connection before the command finished")

// frameMux turns a command's stdout and stderr into frames on one
// buffered connection. Both streams share the buffer, so their order is
// kept, and a lock, because a command may write stderr from a goroutine.
type frameMux struct {
	mu  sync.Mutex
	w   *bufio.Writer
	err error // the first write error; later writes fail with it
}

func newFrameMux(w io.Writer) *frameMux {
	return &frameMux{w: bufio.NewWriterSize(w, frameBufferSize)}
}

// stream returns the writer of one kind of frame.
func (m *frameMux) stream(kind byte) io.Writer { return frameStream{m: m, kind: kind} }

type frameStream struct {
	m    *frameMux
	kind byte
}

func (s frameStream) Write(p []byte) (int, error) {
	s.m.mu.Lock()
	defer s.m.mu.Unlock()
	n := 0
	for len(p) > 0 {
		chunk := p[:min(len(p), maxFramePayload)]
		if err := s.m.frame(s.kind, chunk); err != nil {
			return n, err
		}
		n += len(chunk)
		p = p[len(chunk):]
	}
	return n, nil
}

// frame writes one frame; the caller holds mu.
func (m *frameMux) frame(kind byte, payload []byte) error {
	if m.err != nil {
		return m.err
	}
	var h [frameHeaderSize]byte
	h[0] = kind
	binary.BigEndian.PutUint32(h[1:], uint32(len(payload)))
	if _, err := m.w.Write(h[:]); err != nil {
		m.err = fmt.Errorf("write to client: %w", err)
		return m.err
	}
	if _, err := m.w.Write(payload); err != nil {
		m.err = fmt.Errorf("write to client: %w", err)
		return m.err
	}
	return nil
}

// exit writes the exit frame and flushes: the end of the answer.
func (m *frameMux) exit(code int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	var p [4]byte
	binary.BigEndian.PutUint32(p[:], uint32(int32(code)))
	if err := m.frame(frameExit, p[:]); err != nil {
		return err
	}
	if err := m.w.Flush(); err != nil {
		m.err = fmt.Errorf("write to client: %w", err)
	}
	return m.err
}

// readFrames copies the frames on r to stdout and stderr until the exit
// frame and returns its code. It holds at most one small copy buffer:
// payloads go straight to their writer.
func readFrames(r io.Reader, stdout, stderr io.Writer) (int, error) {
	var h [frameHeaderSize]byte
	buf := make([]byte, maxFramePayload)
	for {
		if _, err := io.ReadFull(r, h[:]); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return 0, errNoExitFrame
			}
			return 0, fmt.Errorf("read daemon answer: %w", err)
		}
		n := binary.BigEndian.Uint32(h[1:])
		if n > maxFramePayload {
			return 0, fmt.Errorf("read daemon answer: frame of %d bytes is over the limit of %d", n, maxFramePayload)
		}
		p := buf[:n]
		if _, err := io.ReadFull(r, p); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return 0, errNoExitFrame
			}
			return 0, fmt.Errorf("read daemon answer: %w", err)
		}
		switch h[0] {
		case frameStdout:
			if _, err := stdout.Write(p); err != nil {
				return 0, fmt.Errorf("write output: %w", err)
			}
		case frameStderr:
			if _, err := stderr.Write(p); err != nil {
				return 0, fmt.Errorf("write output: %w", err)
			}
		case frameExit:
			if n != 4 {
				return 0, fmt.Errorf("read daemon answer: exit frame of %d bytes", n)
			}
			return int(int32(binary.BigEndian.Uint32(p))), nil
		default:
			return 0, fmt.Errorf("read daemon answer: unknown frame kind %q", h[0])
		}
	}
}
