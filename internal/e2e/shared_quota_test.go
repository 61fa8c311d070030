package e2e_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// Three workspaces apply at once against one store (what HCP Terraform,
// Atlantis or a CI matrix does), while another app of the store polls it.
// With quota_share below 100 the applies leave that app its part of the
// store's rate-limit window: none of its requests is refused, and no apply
// sees a 429 it could not absorb.
func TestSharedQuota_threeAppliesAndAnApp(t *testing.T) {
	const (
		workspaces = 3
		perApply   = 40
		quota      = 20
		window     = 4 * time.Second
		pollEvery  = 800 * time.Millisecond // 5 of the 10 requests a window the applies leave
	)
	first := newWorkspaceWith(t, "", sandbox.Options{Quota: quota, Window: window})
	store := first.store
	ws := []*workspace{first}
	for range workspaces - 1 {
		ws = append(ws, &workspace{t: t, dir: t.TempDir(), env: cli.Env(t, store), store: store})
	}
	for i, w := range ws {
		w.writeConfig(fmt.Sprintf(`
provider "bigcommerce" {
  quota_share = 50
}

resource "bigcommerce_customer" "c" {
  count      = %d
  email      = "ws%d-${count.index}@example.com"
  first_name = "Workspace"
  last_name  = "%d"
}
`, perApply, i, i))
	}

	// The other app: one read every pollEvery, fewer than the half of each
	// window the applies leave free.
	stop := make(chan struct{})
	var polled, refused int
	var pollWG sync.WaitGroup
	pollWG.Add(1)
	go func() {
		defer pollWG.Done()
		tick := time.NewTicker(pollEvery)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			req, _ := http.NewRequest(http.MethodGet, store.URL+"/stores/"+store.StoreHash+"/v3/customers?limit=1", nil)
			req.Header.Set("X-Auth-Token", store.AccessToken)
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
	}()

	outs := make([]string, workspaces)
	codes := make([]int, workspaces)
	var wg sync.WaitGroup
	start := time.Now()
	for i, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], codes[i] = w.run("apply", "-input=false", "-auto-approve")
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(stop)
	pollWG.Wait()

	for i := range ws {
		if codes[i] != 0 {
			t.Fatalf("apply %d exited %d:\n%s", i, codes[i], tail(outs[i]))
		}
		if strings.Contains(outs[i], "429") {
			t.Errorf("apply %d surfaced a 429:\n%s", i, tail(outs[i]))
		}
	}
	if n := store.CustomerCount(); n != workspaces*perApply {
		t.Fatalf("the store holds %d customers, want %d", n, workspaces*perApply)
	}
	stats := store.Stats()
	t.Logf("%d applies of %d customers in %s: %d requests, %d answered 429; the app polled %d times, refused %d",
		workspaces, perApply, elapsed.Round(100*time.Millisecond), stats.Total, stats.RateLimited, polled, refused)
	if polled < 3 {
		t.Fatalf("the app polled only %d times: the applies ended too soon to measure", polled)
	}
	if refused != 0 {
		t.Errorf("the app was refused %d of %d requests: the applies took its part of the quota", refused, polled)
	}
}
