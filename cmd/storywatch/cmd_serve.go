package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/metrics"
	"github.com/storywatch/storywatch/monitor/web"
)

func (a *app) serveCommand() *cobra.Command {
	var listen string
	c := &cobra.Command{
		Use:   "serve",
		Short: "Serve the read-only web view, Atom feeds and /healthz over the store",
		Long: "serve shows the story (latest fact changes, the timeline with charts), each article's versions\n" +
			"and the diff of any two of them, and Atom feeds of the changes. It reads the store directly, or\n" +
			"through the running daemon when `storywatch run` holds it. Default address " + config.DefaultListen + ";\n" +
			"an address other hosts can reach needs http.auth or http.public: true.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := a.loadConfig()
			if err != nil {
				return err
			}
			addr := firstString(listen, cfg.HTTP.Listen, config.DefaultListen)
			if err := cfg.HTTP.CheckListen(addr); err != nil {
				return err
			}
			if usesPostgres(cfg) {
				return a.servePostgres(cfg, addr)
			}
			path := cfg.Store.Path
			if err := storeNotYet(path); err != nil {
				return err
			}
			log := a.logger(cfg)
			sock := web.SocketPath(path)
			daemon := web.UnixProxy(sock, log)
			h, err := web.New(web.Options{
				Store:  web.OpenReadOnly(path, 300*time.Millisecond),
				Locked: daemon,
				// Alone, serve has only its own process to report; while the
				// daemon holds the store, requests (and /metrics) go to it.
				Metrics: metrics.New(metrics.Options{ProcessMetrics: true}).Handler(),
				Logger:  log,
				BaseURL: cfg.HTTP.BaseURL,
				Version: version,
			})
			if err != nil {
				return err
			}
			return a.serveWeb(addr, h, web.Protect(web.PreferDaemon(sock, daemon, h), webAuth(cfg)), log)
		},
	}
	c.Flags().StringVar(&listen, "listen", "", "address to listen on (default http.listen, else "+config.DefaultListen+")")
	return c
}

// servePostgres serves the web view straight from the PostgreSQL store,
// which any number of processes may read while replicas write.
func (a *app) servePostgres(cfg *config.Config, addr string) error {
	s, err := openPostgres(cfg, true)
	if err != nil {
		return err
	}
	defer s.Close()
	log := a.logger(cfg)
	h, err := web.New(web.Options{
		Store:   web.HeldStore(s),
		Metrics: metrics.New(metrics.Options{Store: s, ProcessMetrics: true}).Handler(),
		Logger:  log,
		BaseURL: cfg.HTTP.BaseURL,
		Version: version,
	})
	if err != nil {
		return err
	}
	return a.serveWeb(addr, h, web.Protect(h, webAuth(cfg)), log)
}

// serveWeb serves root on addr until SIGINT/SIGTERM, then drains h.
func (a *app) serveWeb(addr string, h *web.Handler, root http.Handler, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := web.NewServer(addr, root, log)
	fmt.Fprintf(a.stderr, "storywatch: serving the web view on http://%s/\n", ln.Addr())
	go func() { <-ctx.Done(); h.Drain() }()
	return web.Serve(ctx, srv, ln)
}

func webAuth(cfg *config.Config) web.Auth {
	a := cfg.HTTP.Auth
	return web.Auth{Token: a.Token.Reveal(), Username: a.Username, Password: a.Password.Reveal()}
}

func firstString(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// startWeb serves the web view of the daemon's store: always on the unix
// socket beside the store, for `storywatch serve` to pass requests to, and
// on http.listen when it is set. The returned stop waits for both to end.
func startWeb(ctx context.Context, cfg *config.Config, s Store, mx http.Handler, log *slog.Logger) (func(), error) {
	h, err := web.New(web.Options{Store: web.HeldStore(s), Metrics: mx, Logger: log,
		BaseURL: cfg.HTTP.BaseURL, Version: version})
	if err != nil {
		return nil, err
	}
	var tcp net.Listener
	if cfg.HTTP.Listen != "" {
		if tcp, err = net.Listen("tcp", cfg.HTTP.Listen); err != nil {
			return nil, fmt.Errorf("listen on http.listen %s: %w", cfg.HTTP.Listen, err)
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{}, 2)
	n := 0
	serve := func(ln net.Listener, hh http.Handler, what string) {
		n++
		go func() {
			defer func() { done <- struct{}{} }()
			if err := web.Serve(ctx, web.NewServer(ln.Addr().String(), hh, log), ln); err != nil {
				log.Error("web view stopped", "on", what, "err", err)
			}
		}()
	}
	sock := web.SocketPath(cfg.Store.Path)
	if usesPostgres(cfg) {
		sock = "" // `serve` reads the database itself
	} else if ln, err := web.ListenUnix(sock); err != nil {
		// `serve` then cannot read while the daemon runs; the daemon itself
		// is fine, so this is a warning, as for the control socket.
		log.Error("web socket unavailable: `storywatch serve` will fail while the daemon runs", "err", err)
	} else {
		serve(ln, h, "socket")
	}
	if tcp != nil {
		serve(tcp, web.Protect(h, webAuth(cfg)), "http.listen")
		log.Info("serving the web view", "addr", tcp.Addr().String())
	}
	go func() { <-ctx.Done(); h.Drain() }()
	return func() {
		cancel()
		for range n {
			<-done
		}
		if sock != "" {
			_ = os.Remove(sock)
		}
	}, nil
}
