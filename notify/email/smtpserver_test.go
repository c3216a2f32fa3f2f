package email_test

import (
	"bufio"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func itoa(i int) string { return strconv.Itoa(i) }

// scriptedSMTP is a minimal SMTP server on loopback that answers every
// command with 250 unless replies says otherwise. Keys: GREET, AUTH, MAIL,
// RCPT, DATA (the 354 step) and "DATA." (after the message). The reply
// "HANG" sends nothing and waits for the client to give up.
type scriptedSMTP struct {
	port    int
	replies map[string]string
	mu      sync.Mutex
	buf     strings.Builder
	auth    bool
}

func newScriptedSMTP(t *testing.T, replies map[string]string) *scriptedSMTP {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &scriptedSMTP{port: l.Addr().(*net.TCPAddr).Port, replies: replies}
	var wg sync.WaitGroup
	t.Cleanup(func() {
		l.Close()
		wg.Wait()
	})
	wg.Go(func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			wg.Go(func() { s.serve(c) })
		}
	})
	return s
}

// hang is the reply that makes the server stop answering.
const hang = "HANG"

func (s *scriptedSMTP) reply(key, def string) string {
	if r, ok := s.replies[key]; ok {
		return r
	}
	return def
}

func (s *scriptedSMTP) serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	w := func(line string) bool {
		if line == hang {
			_, _ = io.Copy(io.Discard, r) // until the client closes
			return false
		}
		_, err := c.Write([]byte(line + "\r\n"))
		return err == nil
	}
	greet := s.reply("GREET", "220 fake ESMTP")
	if !w(greet) || !strings.HasPrefix(greet, "2") {
		return
	}
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.Fields(line + " x")[0])
		switch cmd {
		case "EHLO", "HELO":
			w("250-fake\r\n250-AUTH PLAIN\r\n250 8BITMIME")
		case "AUTH":
			s.mu.Lock()
			s.auth = true
			s.mu.Unlock()
			w(s.reply("AUTH", "235 2.7.0 ok"))
		case "MAIL":
			w(s.reply("MAIL", "250 ok"))
		case "RCPT":
			w(s.reply("RCPT", "250 ok"))
		case "DATA":
			rep := s.reply("DATA", "354 go ahead")
			w(rep)
			if !strings.HasPrefix(rep, "3") {
				continue
			}
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				s.mu.Lock()
				s.buf.WriteString(l)
				s.mu.Unlock()
			}
			if !w(s.reply("DATA.", "250 queued")) {
				return
			}
		case "QUIT":
			w("221 bye")
			return
		default: // RSET, NOOP ...
			w("250 ok")
		}
	}
}

func (s *scriptedSMTP) data() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func (s *scriptedSMTP) sawAuth() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.auth
}
