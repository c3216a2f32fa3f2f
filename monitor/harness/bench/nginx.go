package bench

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// nginxServer is nginx serving a directory on loopback, run as a child
// process in the foreground so it dies with the bench.
type nginxServer struct {
	cmd  *exec.Cmd
	url  string
	done chan error
}

const nginxConf = `daemon off;
master_process off;
worker_processes 1;
%s
pid %s/nginx.pid;
error_log %s/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  types {
    text/html html;
    application/rss+xml rss;
    application/atom+xml atom;
    application/rdf+xml rdf;
    application/feed+json json;
  }
  default_type application/octet-stream;
  client_body_temp_path %s/body;
  proxy_temp_path %s/proxy;
  fastcgi_temp_path %s/fastcgi;
  uwsgi_temp_path %s/uwsgi;
  scgi_temp_path %s/scgi;
  sendfile on;
  etag on;
  keepalive_requests 100000;
  keepalive_timeout 60s;
  server {
    listen 127.0.0.1:%d;
    root %s;
  }
}
`

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// startNginx serves root with nginx, its config and logs under prefix.
func startNginx(ctx context.Context, bin, prefix, root string, port int) (*nginxServer, error) {
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;" // workers would otherwise drop to nobody and miss the 0700 temp dir
	}
	conf := fmt.Sprintf(nginxConf, user, prefix, prefix, prefix, prefix, prefix, prefix, prefix, port, root)
	confPath := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		return nil, fmt.Errorf("write nginx config: %w", err)
	}
	cmd := exec.CommandContext(ctx, bin, "-p", prefix, "-c", confPath, "-e", filepath.Join(prefix, "error.log"))
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start nginx: %w", err)
	}
	n := &nginxServer{cmd: cmd, url: fmt.Sprintf("http://127.0.0.1:%d", port), done: make(chan error, 1)}
	go func() { n.done <- cmd.Wait() }()
	client := &http.Client{Timeout: time.Second}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		select {
		case err := <-n.done:
			log, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
			return nil, fmt.Errorf("start nginx: exited: %v: %s", err, log)
		default:
		}
		resp, err := client.Get(n.url + "/")
		if err == nil {
			resp.Body.Close()
			return n, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	n.stop()
	return nil, fmt.Errorf("start nginx: not answering on %s", n.url)
}

func (n *nginxServer) stop() {
	_ = n.cmd.Process.Kill()
	<-n.done
}
