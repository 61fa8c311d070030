// Command bigcommerce-sandbox serves an in-memory, BigCommerce-compatible
// customers API for demos and manual testing of the provider.
//
// On startup it prints the three settings the provider reads, one per line,
// so that scripts can parse or eval them:
//
//	BIGCOMMERCE_API_URL=http://127.0.0.1:8080
//	BIGCOMMERCE_STORE_HASH=sandbox
//	BIGCOMMERCE_ACCESS_TOKEN=sandbox-token
//
// and, on standard error, a second token with only the Customers read-only
// scope, whose writes are refused with 403 as a real store's would be.
//
// It serves until SIGINT or SIGTERM, then shuts down gracefully.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bigcommerce-sandbox:", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		addr          = flag.String("addr", "127.0.0.1:8080", "address to listen on")
		storeHash     = flag.String("store-hash", "sandbox", "store hash in /stores/{store_hash}/")
		token         = flag.String("token", "sandbox-token", "access token expected in X-Auth-Token, with every Customers scope")
		readOnlyToken = flag.String("read-only-token", "sandbox-read-only-token", "access token with only the Customers read-only scope: writes get 403")
		quota         = flag.Int("quota", 150, "requests per rate-limit window; negative for unlimited")
		window        = flag.Duration("window", 30*time.Second, "rate-limit window")
		latency       = flag.Duration("latency", 0, "latency added to every request")
		jitter        = flag.Duration("jitter", 0, "extra random latency, 0 to this much")
		seed          = flag.Int64("seed", 1, "seed for latency jitter and fault injection")
		seedCustomers = flag.Int("seed-customers", 0, "create this many customers at startup")
		allowRemote   = flag.Bool("allow-remote", false, "allow listening on a non-loopback address")
		logRequests   = flag.Bool("log", false, "log method, path and status of each request to stderr")
		seedFile      = flag.String("seed-file", "", "JSON file of starting data: channels, customer_groups, customers, attributes, addresses, subscribers, segments (each object an API create body)")
		faultServer   = flag.Float64("fault-server-error", 0, "share of requests answered 500 or 503 without being applied (0 to 1)")
		faultLost     = flag.Float64("fault-lost-response", 0, "share of writes applied and then answered 502 with no body (0 to 1)")
		faultReset    = flag.Float64("fault-connection-reset", 0, "share of requests whose connection is closed unanswered, not applied (0 to 1)")
		faultStorm    = flag.Float64("fault-rate-limit", 0, "share of requests answered 429 regardless of the quota (0 to 1)")
	)
	flag.Parse()
	if *quota == 0 {
		return fmt.Errorf("-quota 0 would refuse every request; use a negative value for unlimited")
	}

	opts := sandbox.Options{
		Addr:          *addr,
		AllowRemote:   *allowRemote,
		StoreHash:     *storeHash,
		AccessToken:   *token,
		ReadOnlyToken: *readOnlyToken,
		Quota:         *quota,
		Window:        *window,
		Latency:       *latency,
		LatencyJitter: *jitter,
		Seed:          *seed,
	}
	opts.Faults = sandbox.Faults{ServerError: *faultServer, AppliedThen502: *faultLost, ConnectionReset: *faultReset, RateLimitStorm: *faultStorm}
	for _, share := range []float64{*faultServer, *faultLost, *faultReset, *faultStorm} {
		if share < 0 || share > 1 {
			return fmt.Errorf("a -fault-* share is between 0 and 1, got %g", share)
		}
	}
	if *logRequests {
		opts.Logger = log.New(os.Stderr, "sandbox: ", log.LstdFlags)
	}
	srv, err := sandbox.Start(opts)
	if errors.Is(err, sandbox.ErrNonLoopback) {
		return fmt.Errorf("%w (pass -allow-remote to serve other machines)", err)
	}
	if err != nil {
		return err
	}
	if *seedFile != "" {
		f, err := os.Open(*seedFile)
		if err != nil {
			return err
		}
		err = srv.Seed(f)
		_ = f.Close()
		if err != nil {
			_ = srv.Close()
			return err
		}
	}
	if *seedCustomers > 0 {
		srv.SeedCustomers(*seedCustomers, 0)
	}

	fmt.Printf("BIGCOMMERCE_API_URL=%s\n", srv.URL)
	fmt.Printf("BIGCOMMERCE_STORE_HASH=%s\n", srv.StoreHash)
	fmt.Printf("BIGCOMMERCE_ACCESS_TOKEN=%s\n", srv.AccessToken)
	fmt.Fprintf(os.Stderr, "bigcommerce-sandbox: a read-only token (scope store_v2_customers_read_only), for plan jobs: %s\n", srv.ReadOnlyToken)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	stop()

	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}
