package sandbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

// Server is a Store listening on a TCP address.
type Server struct {
	*Store
	URL         string // e.g. http://127.0.0.1:PORT: BigCommerce's https://api.bigcommerce.com
	StoreHash   string
	AccessToken string
	// ReadOnlyToken has only the Customers read-only scope.
	ReadOnlyToken string

	srv  *http.Server
	done chan struct{}
}

// Start serves a new store on opts.Addr (default 127.0.0.1 with a free
// port). It refuses a non-loopback address unless opts.AllowRemote: the
// sandbox has no real authentication and holds whatever data tests put in.
func Start(opts Options) (*Server, error) {
	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	if !opts.AllowRemote {
		if err := requireLoopback(addr); err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("sandbox: listen on %s: %w", addr, err)
	}
	store := New(opts)
	s := &Server{
		Store:         store,
		URL:           "http://" + ln.Addr().String(),
		StoreHash:     store.opts.StoreHash,
		AccessToken:   store.opts.AccessToken,
		ReadOnlyToken: store.opts.ReadOnlyToken,
		srv: &http.Server{
			Handler:           store,
			ReadHeaderTimeout: 10 * time.Second,
			// Injected connection resets make net/http log; keep test
			// output clean.
			ErrorLog: log.New(io.Discard, "", 0),
		},
		done: make(chan struct{}),
	}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(ln)
	}()
	return s, nil
}

// Close stops the server at once, dropping requests in flight.
func (s *Server) Close() error {
	err := s.srv.Close()
	<-s.done
	return err
}

// Shutdown stops the server gracefully: no new connections, and requests in
// flight finish until ctx is done.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if err == nil {
		<-s.done
	}
	return err
}

// requireLoopback accepts host:port addresses whose host is a loopback IP
// or "localhost".
func requireLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("sandbox: address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrNonLoopback, addr)
}

// ErrNonLoopback is returned by Start for a non-loopback address without
// Options.AllowRemote.
var ErrNonLoopback = errors.New("sandbox: refusing to listen on a non-loopback address")
