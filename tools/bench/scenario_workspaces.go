package main

import (
	"fmt"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// The workspaces scenario: three workspaces apply N/3 customers each at
// once against one store, while another app of the store polls it once a
// second, on a store whose quota is small enough to bind.
const (
	workspaceCount = 3
	wsQuota        = 60
	wsWindow       = 10 * time.Second
	pollEvery      = time.Second
)

// quotaShares are the rows of the workspaces scenario: the provider's
// quota_share setting, 0 meaning unset (the default, 80).
var quotaShares = []int{100, 50, 0}

const workspaceTemplate = `terraform {%s
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

provider "bigcommerce" {
  api_url      = %q
  store_hash   = %q
  access_token = %q
  batching     = %t
%s}

resource "bigcommerce_customer" "ws" {
  count      = %d
  email      = "ws%d-${count.index}@example.com"
  first_name = "Workspace"
  last_name  = "%d"
}
`

// wsResult is one row of the workspaces scenario.
type wsResult struct {
	n          int
	state      string
	mode       string // batching "on" or "off"
	share      int    // 0: the default
	floor      bool
	applies    []phaseResult // one per workspace: wall time, result, surfaced 429s
	wall       time.Duration // the three applies, start to last end
	total      int           // requests the store received, the app's included
	rateLimit  int           // 429s the store answered, the app's included
	polled     int           // the app's requests
	refused    int           // the app's 429s
	customers  int           // customers in the store afterwards
	setupError error
}

// appliesRateLimited is the 429s the store answered to the applies.
func (w wsResult) appliesRateLimited() int { return w.rateLimit - w.refused }

func (w wsResult) failed() bool {
	if w.setupError != nil {
		return true
	}
	for _, a := range w.applies {
		if a.err != nil {
			return true
		}
	}
	return false
}

// runWorkspaces runs the three applies at once in dir/ws0..ws2, against a
// fresh store (quota wsQuota per wsWindow, or none for a floor run), while
// the app polls. backendBase, when not empty, is the HTTP state backend's
// address prefix.
func runWorkspaces(cfg config, tf string, env []string, dir string, res wsResult, backendBase string) wsResult {
	opts := sandbox.Options{Quota: wsQuota, Window: wsWindow, Latency: cfg.latency, LatencyJitter: cfg.jitter, Seed: 1}
	if res.floor {
		opts = sandboxOptions(cfg, true)
	}
	srv, err := sandbox.Start(opts)
	if err != nil {
		res.setupError = err
		return res
	}
	defer srv.Close()
	per := ceilDiv(res.n, workspaceCount)
	dirs := make([]string, workspaceCount)
	for i := range dirs {
		dirs[i] = filepath.Join(dir, fmt.Sprintf("ws%d", i))
		share := ""
		if res.share > 0 {
			share = fmt.Sprintf("  quota_share  = %d\n", res.share)
		}
		backend := ""
		if backendBase != "" {
			backend = fmt.Sprintf("%s-ws%d", backendBase, i)
		}
		mainTF := fmt.Sprintf(workspaceTemplate, backendBlock(backend), srv.URL, srv.StoreHash, srv.AccessToken, res.mode != "off", share, per, i, i)
		if err := prepareDir(tf, env, dirs[i], mainTF, backend != ""); err != nil {
			res.setupError = err
			return res
		}
	}
	srv.ResetStats()

	stop := make(chan struct{})
	var pollWG sync.WaitGroup
	pollWG.Add(1)
	go func() {
		defer pollWG.Done()
		res.polled, res.refused = poll(srv, stop)
	}()

	args := []string{"apply", "-auto-approve", fmt.Sprintf("-parallelism=%d", cfg.parallelism)}
	res.applies = make([]phaseResult, workspaceCount)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range dirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res.applies[i] = runTerraform(tf, env, dirs[i], "apply", args)
		}()
	}
	wg.Wait()
	res.wall = time.Since(start)
	close(stop)
	pollWG.Wait()

	st := srv.Stats()
	res.total, res.rateLimit, res.customers = st.Total, st.RateLimited, srv.CustomerCount()
	for i, a := range res.applies {
		logf("  apply %d  %8.1fs  surfaced %d  %v", i, a.wall.Seconds(), a.surfaced, errOrOK(a.err))
	}
	logf("  %d requests, %d 429s (the app's: %d of %d polls)", res.total, res.rateLimit, res.refused, res.polled)
	return res
}

// poll is the other app: GET /v3/customers?limit=1 every pollEvery until
// stop; it returns its requests and the 429s among them.
func poll(srv *sandbox.Server, stop <-chan struct{}) (polled, refused int) {
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return polled, refused
		case <-tick.C:
		}
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/stores/"+srv.StoreHash+"/v3/customers?limit=1", nil)
		req.Header.Set("X-Auth-Token", srv.AccessToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			continue
		}
		_ = resp.Body.Close()
		polled++
		if resp.StatusCode == http.StatusTooManyRequests {
			refused++
		}
	}
}
