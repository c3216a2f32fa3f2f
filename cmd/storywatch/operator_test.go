package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// hookSecretVar names a variable no test environment sets, so the CLI
// under test sees it unset, as an operator without the daemon's
// environment file does.
const hookSecretVar = "STORYWATCH_TEST_HOOK_SECRET"

func hookConfig(url string) string {
	return "notify:\n  webhooks:\n    - url: " + url + "\n      secret: ${" + hookSecretVar + "}\n"
}

// TestReadCommandsWithoutDeliverySecrets: the read commands work with the
// webhook secret's variable unset, while poll (which delivers) still
// names it.
func TestReadCommandsWithoutDeliverySecrets(t *testing.T) {
	if _, ok := os.LookupEnv(hookSecretVar); ok {
		t.Skipf("%s is set in this environment", hookSecretVar)
	}
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }))
	defer hook.Close()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, srv.FeedURLs(), summitStory+hookConfig(hook.URL))

	_, errOut, code := cli(t, "-c", cfg, "poll")
	if code == 0 || !strings.Contains(errOut, hookSecretVar+" is not set") {
		t.Fatalf("poll without the delivery secret: exit %d, %q; want a failure naming %s", code, errOut, hookSecretVar)
	}
	t.Setenv(hookSecretVar, "s3cret")
	mustCLI(t, "-c", cfg, "poll", "--wait", "0s")
	os.Unsetenv(hookSecretVar) // t.Setenv restores it (unset) at the end

	for _, args := range [][]string{{"feeds"}, {"articles"}, {"changes"}, {"timeline"}, {"alerts"}, {"articles", "--json"}} {
		out, errOut, code := cli(t, append([]string{"-c", cfg}, args...)...)
		if code != 0 || out == "" {
			t.Errorf("%v without the delivery secret: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

// TestOperatorGroupUsesSocket runs the daemon as one user and the read
// commands as another who is only in the daemon's group (as with the
// systemd unit and an operator added to group storywatch): reads work
// through the socket without the daemon's secrets, writes are refused,
// and a user outside the group cannot connect. It needs root to switch
// users.
func TestOperatorGroupUsesSocket(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to run the daemon and the CLI as other users")
	}
	const daemonUID, groupGID, operatorUID, outsiderUID = 4241, 4242, 4243, 4244
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }))
	defer hook.Close()

	// The layout of the systemd install: a state directory of the daemon's
	// user and group, mode 0750; a config the group can read.
	base := t.TempDir()
	for _, p := range []string{filepath.Dir(base), base, filepath.Dir(binPath)} {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	state := filepath.Join(base, "state")
	if err := os.Mkdir(state, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(state, daemonUID, groupGID); err != nil {
		t.Fatal(err)
	}
	etc := filepath.Join(base, "etc")
	if err := os.Mkdir(etc, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := writeConfig(t, etc, srv.FeedURLs(), summitStory+hookConfig(hook.URL))
	cfgText := strings.Replace(readFile(t, cfg), filepath.Join(etc, "storywatch.db"), filepath.Join(state, "storywatch.db"), 1)
	writeFile(t, cfg, cfgText)
	if err := os.Chown(cfg, 0, groupGID); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(cfg, 0o640); err != nil {
		t.Fatal(err)
	}

	as := func(uid uint32, groups ...uint32) *syscall.SysProcAttr {
		gid := uint32(uid)
		if uid == daemonUID {
			gid = groupGID
		}
		return &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: gid, Groups: groups}}
	}
	daemon := exec.Command(binPath, "-c", cfg, "run")
	daemon.SysProcAttr = as(daemonUID)
	daemon.Env = append(os.Environ(), hookSecretVar+"=s3cret")
	sock := filepath.Join(state, "storywatch.db.sock")
	stop := startDaemonCmd(t, daemon, cfg, sock)

	fi, err := os.Stat(sock)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	if perm := fi.Mode().Perm(); perm != 0o660 || st.Gid != groupGID {
		t.Errorf("socket mode %o group %d, want 660 group %d", perm, st.Gid, groupGID)
	}

	cliAs := func(attr *syscall.SysProcAttr, args ...string) (string, string, error) {
		c := exec.Command(binPath, append([]string{"-c", cfg}, args...)...)
		c.SysProcAttr = attr
		var out, errOut strings.Builder
		c.Stdout, c.Stderr = &out, &errOut
		err := c.Run()
		return out.String(), errOut.String(), err
	}
	operator := as(operatorUID, groupGID)
	for _, args := range [][]string{{"feeds", "--json"}, {"articles", "--json"}, {"changes", "--json"}, {"alerts", "--json"}} {
		out, errOut, err := cliAs(operator, args...)
		if err != nil {
			t.Errorf("operator %v: %v: %s", args, err, errOut)
			continue
		}
		var v map[string]any
		decodeJSON(t, out, &v)
	}
	for _, args := range [][]string{{"poll"}, {"compact"}, {"alerts", "retry"}} {
		if _, errOut, err := cliAs(operator, args...); err == nil || !strings.Contains(errOut, "only its own user") {
			t.Errorf("operator %v: err %v, stderr %q; want a refusal", args, err, errOut)
		}
	}
	if _, errOut, err := cliAs(as(outsiderUID), "articles"); err == nil {
		t.Error("a user outside the group read the store")
	} else if !strings.Contains(errOut, "permission denied") {
		t.Errorf("outsider's error %q does not say permission denied", errOut)
	}
	stop()
}
