package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// These tests cut applies short as a user or a CI runner does: Ctrl-C
// (SIGINT to the CLI's process group), and a killed runner (SIGKILL to the
// whole group). The store answers through a proxy that holds each answer
// back after the store has applied the request, as a real network does, so
// that every interruption finds writes applied and not yet answered.

const customersConfig = `terraform {
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

variable "prefix" {
  type = string
}

variable "company" {
  type    = string
  default = "Acme"
}

variable "n" {
  type = number
}

resource "bigcommerce_customer" "c" {
  count      = var.n
  email      = "${var.prefix}-${count.index}@example.com"
  first_name = "Customer"
  last_name  = "Number ${count.index}"
  company    = var.company
}
`

// TestInterrupt_customers interrupts a create, an update and a destroy of
// 100 customers, and checks after each that the state holds exactly what
// the store holds, and that running the command again finishes the job.
func TestInterrupt_customers(t *testing.T) {
	w := newSlowWorkspace(t, customersConfig)
	vars := []string{"-var=prefix=int", "-var=n=100"}

	// Create.
	run := w.start(append([]string{"apply", "-input=false", "-auto-approve", "-parallelism=2"}, vars...)...)
	waitFor(t, "30 customers in the store", func() bool { return w.store.CustomerCount() >= 30 })
	run.interrupt()
	out, code := run.wait(t)
	if code == 0 || w.store.CustomerCount() >= 100 {
		t.Fatalf("the apply was not cut short (exit %d, %d customers):\n%s", code, w.store.CustomerCount(), tail(out))
	}
	assertStateIsStore(t, w, "after the interrupted create")
	w.mustRun(0, append([]string{"apply", "-input=false", "-auto-approve"}, vars...)...)
	assertConverged(t, w, 100, vars)

	// Update: change every customer's company. The plan above has just
	// read every customer, so the interrupted runs skip the refresh.
	update := append(slices.Clone(vars), "-var=company=Globex")
	run = w.start(append([]string{"apply", "-input=false", "-auto-approve", "-parallelism=2", "-refresh=false"}, update...)...)
	waitFor(t, "30 customers updated", func() bool { return w.companyCount("Globex") >= 30 })
	run.interrupt()
	out, code = run.wait(t)
	if code == 0 || w.companyCount("Globex") >= 100 {
		t.Fatalf("the update was not cut short (exit %d):\n%s", code, tail(out))
	}
	assertStateIsStore(t, w, "after the interrupted update")
	w.mustRun(0, append([]string{"apply", "-input=false", "-auto-approve"}, update...)...)
	assertConverged(t, w, 100, update)
	if n := w.companyCount("Globex"); n != 100 {
		t.Fatalf("%d customers have the new company, want 100", n)
	}

	// Destroy.
	run = w.start(append([]string{"destroy", "-input=false", "-auto-approve", "-parallelism=2", "-refresh=false"}, update...)...)
	waitFor(t, "30 customers deleted", func() bool { return w.store.CustomerCount() <= 70 })
	run.interrupt()
	out, code = run.wait(t)
	if code == 0 || w.store.CustomerCount() == 0 {
		t.Fatalf("the destroy was not cut short (exit %d):\n%s", code, tail(out))
	}
	assertStateIsStore(t, w, "after the interrupted destroy")
	w.mustRun(0, append([]string{"destroy", "-input=false", "-auto-approve"}, update...)...)
	if n := w.store.CustomerCount(); n != 0 {
		t.Fatalf("the store holds %d customers after the destroy, want none", n)
	}
	if list := strings.TrimSpace(w.mustRun(0, "state", "list")); list != "" {
		t.Fatalf("the state still holds resources after the destroy:\n%s", list)
	}
}

// TestInterrupt_addresses interrupts the create of 50 addresses, which go
// to the store one request each rather than batched.
func TestInterrupt_addresses(t *testing.T) {
	config := `terraform {
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

variable "customer_id" {
  type = number
}

resource "bigcommerce_customer_address" "a" {
  count             = 50
  customer_id       = var.customer_id
  first_name        = "Jane"
  last_name         = "Doe"
  address1          = "${count.index + 1} Main Street"
  city              = "Akron"
  state_or_province = "Ohio"
  postal_code       = "44325"
  country_code      = "US"
}
`
	w := newSlowWorkspace(t, config)
	customer := w.store.SeedCustomers(1, 0)[0]
	vars := []string{fmt.Sprintf("-var=customer_id=%d", customer)}

	run := w.start(append([]string{"apply", "-input=false", "-auto-approve", "-parallelism=2"}, vars...)...)
	waitFor(t, "15 addresses in the store", func() bool { return len(w.storeAddresses(customer)) >= 15 })
	run.interrupt()
	out, code := run.wait(t)
	if code == 0 || len(w.storeAddresses(customer)) >= 50 {
		t.Fatalf("the apply was not cut short (exit %d):\n%s", code, tail(out))
	}
	assertSameIDs(t, "after the interrupted create: addresses", w.storeAddresses(customer), w.stateIDs("bigcommerce_customer_address"))

	w.mustRun(0, append([]string{"apply", "-input=false", "-auto-approve"}, vars...)...)
	inStore, inState := w.storeAddresses(customer), w.stateIDs("bigcommerce_customer_address")
	if len(inStore) != 50 {
		t.Fatalf("the store holds %d addresses, want 50", len(inStore))
	}
	assertSameIDs(t, "after the second apply: addresses", inStore, inState)
	w.mustRun(0, append([]string{"plan", "-input=false", "-detailed-exitcode"}, vars...)...)
}

// TestKilled_customers kills the CLI and the provider (SIGKILL to the whole
// process group, as a CI runner that is shut down does) in the middle of a
// create. Terraform never records the customers it was creating at that
// moment. The next apply must not create them a second time, must not take
// them over silently (nothing proves who created a customer that matches the
// configuration: the test adds one that someone else created) and must say
// how to import each; after the imports it converges.
func TestKilled_customers(t *testing.T) {
	const n = 60
	w := newSlowWorkspace(t, customersConfig)
	vars := []string{"-var=prefix=kill", fmt.Sprintf("-var=n=%d", n)}

	run := w.start(append([]string{"apply", "-input=false", "-auto-approve", "-parallelism=4"}, vars...)...)
	// Right after the store has applied a batch, while its answer is on its
	// way: its customers exist and will never reach the state.
	waitFor(t, "20 customers in the store", func() bool { return w.store.CustomerCount() >= 20 })
	run.kill()
	_, _ = run.wait(t)

	byEmail := map[string]int{} // e-mail to id, in the store
	for _, cu := range w.storeCustomers() {
		byEmail[cu.Email] = cu.ID
	}
	inState := map[string]bool{}
	for _, r := range w.stateResources("bigcommerce_customer") {
		email, _ := r.Values["email"].(string)
		if _, ok := byEmail[email]; !ok {
			t.Fatalf("the state holds %s, which the store does not", email)
		}
		inState[email] = true
	}
	var unrecorded []string
	for email := range byEmail {
		if !inState[email] {
			unrecorded = append(unrecorded, email)
		}
	}
	t.Logf("after the kill: %d customers in the store, %d in the state", len(byEmail), len(inState))

	// Someone else creates a customer the configuration declares, with
	// exactly its attributes.
	var other string
	for i := range n {
		if email := fmt.Sprintf("kill-%d@example.com", i); byEmail[email] == 0 {
			other = email
			w.createCustomer(email, "Customer", fmt.Sprintf("Number %d", i), "Acme")
			break
		}
	}

	out := w.mustRun(1, append([]string{"apply", "-input=false", "-auto-approve"}, vars...)...)
	stored := w.storeCustomers()
	if len(stored) != n {
		t.Fatalf("the store holds %d customers, want %d: each once", len(stored), n)
	}
	reported := importAdvice(out)
	for _, email := range append(unrecorded, other) {
		if _, ok := reported[email]; !ok {
			t.Errorf("the apply does not say how to import %s, which the store holds and the state does not:\n%s", email, tail(out))
		}
	}
	if !strings.Contains(out, "import block") && !strings.Contains(out, "import {") {
		t.Errorf("the apply's advice does not mention an import block:\n%s", tail(out))
	}
	inState = map[string]bool{}
	for _, r := range w.stateResources("bigcommerce_customer") {
		email, _ := r.Values["email"].(string)
		inState[email] = true
	}
	if inState[other] {
		t.Fatalf("the apply took over %s, which someone else created", other)
	}
	for _, cu := range stored {
		if _, ok := reported[cu.Email]; !inState[cu.Email] && !ok {
			t.Fatalf("%s is in the store, neither in the state nor reported", cu.Email)
		}
	}

	// Follow the advice: import each e-mail at the address the error names.
	for email, addr := range reported {
		if addr == "" {
			t.Fatalf("the error about %s names no resource address:\n%s", email, tail(out))
		}
		w.mustImport(addr, email, vars)
	}
	w.mustRun(0, append([]string{"apply", "-input=false", "-auto-approve"}, vars...)...)
	assertConverged(t, w, n, vars)
}

// mustImport runs `terraform import` with its options ahead of the address
// and id, as the command requires.
func (w *workspace) mustImport(addr, id string, vars []string) {
	w.t.Helper()
	args := append([]string{"import", "-input=false", "-no-color"}, vars...)
	cmd := exec.Command(cli.CLIPath, append(args, addr, id)...)
	cmd.Dir, cmd.Env = w.dir, w.env
	if out, err := cmd.CombinedOutput(); err != nil {
		w.t.Fatalf("terraform import %s %s: %v\n%s", addr, id, err, tail(string(out)))
	}
}

// importAdvice returns the e-mails that the errors of out advise importing,
// each with the resource address its error names.
func importAdvice(out string) map[string]string {
	found := map[string]string{}
	email := regexp.MustCompile(`kill-\d+@example\.com`)
	with := regexp.MustCompile(`with (bigcommerce_customer\.[a-z_]+\[\d+\]),`)
	for _, block := range strings.Split(out, "Error: ")[1:] {
		if !strings.Contains(block, "terraform import") {
			continue
		}
		addr := ""
		if m := with.FindStringSubmatch(block); m != nil {
			addr = m[1]
		}
		for _, e := range email.FindAllString(block, -1) {
			found[e] = addr
		}
	}
	return found
}

// assertStateIsStore checks that the state holds every customer of the
// store, with the store's company, and none that the store does not hold.
func assertStateIsStore(t *testing.T, w *workspace, when string) {
	t.Helper()
	stored := w.storeCustomers()
	company := map[string]string{}
	var storeIDs []string
	for _, cu := range stored {
		id := strconv.Itoa(cu.ID)
		storeIDs = append(storeIDs, id)
		company[id] = cu.Company
	}
	resources := w.stateResources("bigcommerce_customer")
	var stateIDs []string
	for _, r := range resources {
		id, _ := r.Values["id"].(string)
		stateIDs = append(stateIDs, id)
		if c, ok := company[id]; ok && c != r.Values["company"] {
			t.Errorf("%s: customer %s has the company %q in the store and %q in the state", when, id, c, r.Values["company"])
		}
	}
	assertSameIDs(t, when+": customers", storeIDs, stateIDs)
	t.Logf("%s: %d customers in the store and in the state", when, len(storeIDs))
}

// assertConverged checks that store and state hold the same n customers,
// each e-mail once, and that a plan finds nothing to do.
func assertConverged(t *testing.T, w *workspace, n int, vars []string) {
	t.Helper()
	stored := w.storeCustomers()
	if len(stored) != n {
		t.Fatalf("the store holds %d customers, want %d", len(stored), n)
	}
	emails := map[string]bool{}
	for _, cu := range stored {
		if emails[strings.ToLower(cu.Email)] {
			t.Fatalf("the store holds %s twice", cu.Email)
		}
		emails[strings.ToLower(cu.Email)] = true
	}
	assertStateIsStore(t, w, "after the second run")
	w.mustRun(0, append([]string{"plan", "-input=false", "-detailed-exitcode"}, vars...)...)
}

func assertSameIDs(t *testing.T, what string, store, state []string) {
	t.Helper()
	sort.Strings(store)
	sort.Strings(state)
	if !slices.Equal(store, state) {
		var onlyStore, onlyState []string
		for _, id := range store {
			if !slices.Contains(state, id) {
				onlyStore = append(onlyStore, id)
			}
		}
		for _, id := range state {
			if !slices.Contains(store, id) {
				onlyState = append(onlyState, id)
			}
		}
		t.Fatalf("%s: only in the store %v, only in the state %v (store %d, state %d)", what, onlyStore, onlyState, len(store), len(state))
	}
}

// newSlowWorkspace is a workspace with config as main.tf whose store takes
// its time: every request waits 20 ms, and the answer to each write reaches
// the provider 100 ms after the store applied it.
func newSlowWorkspace(t *testing.T, config string) *workspace {
	t.Helper()
	w := newWorkspaceWith(t, "", sandbox.Options{Quota: -1, Latency: 20 * time.Millisecond})
	if err := os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	target, err := url.Parse(w.store.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.Transport = lateAnswers{delay: 100 * time.Millisecond}
	proxy.ErrorLog = log.New(io.Discard, "", 0)
	w.useStoreVia(proxy)
	return w
}

// lateAnswers hands each request to the store in full, whatever the client
// does meanwhile, and holds the answer to a write back for delay.
type lateAnswers struct{ delay time.Duration }

func (l lateAnswers) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r.WithContext(context.WithoutCancel(r.Context())))
	if err != nil || r.Method == http.MethodGet {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	time.Sleep(l.delay)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

type storeCustomer struct {
	ID      int    `json:"id"`
	Email   string `json:"email"`
	Company string `json:"company"`
}

// storeCustomers lists the store's customers, straight from the sandbox.
func (w *workspace) storeCustomers() []storeCustomer {
	w.t.Helper()
	var all []storeCustomer
	for page := 1; ; page++ {
		var resp struct {
			Data []storeCustomer `json:"data"`
			Meta struct {
				Pagination struct {
					TotalPages int `json:"total_pages"`
				} `json:"pagination"`
			} `json:"meta"`
		}
		w.api(http.MethodGet, fmt.Sprintf("/v3/customers?limit=250&page=%d", page), nil, &resp)
		all = append(all, resp.Data...)
		if page >= resp.Meta.Pagination.TotalPages {
			return all
		}
	}
}

func (w *workspace) companyCount(company string) int {
	n := 0
	for _, cu := range w.storeCustomers() {
		if cu.Company == company {
			n++
		}
	}
	return n
}

// storeAddresses returns the ids of a customer's addresses in the store.
func (w *workspace) storeAddresses(customer int) []string {
	w.t.Helper()
	var resp struct {
		Data []struct {
			ID int `json:"id"`
		} `json:"data"`
	}
	w.api(http.MethodGet, fmt.Sprintf("/v3/customers/addresses?customer_id:in=%d&limit=250", customer), nil, &resp)
	ids := make([]string, len(resp.Data))
	for i, a := range resp.Data {
		ids[i] = strconv.Itoa(a.ID)
	}
	return ids
}

// createCustomer creates a customer as another app on the store would.
func (w *workspace) createCustomer(email, first, last, company string) {
	w.t.Helper()
	body := []map[string]string{{"email": email, "first_name": first, "last_name": last, "company": company}}
	w.api(http.MethodPost, "/v3/customers", body, nil)
}

func (w *workspace) api(method, path string, body, out any) {
	w.t.Helper()
	var payload io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			w.t.Fatal(err)
		}
		payload = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, w.store.URL+"/stores/"+w.store.StoreHash+path, payload)
	if err != nil {
		w.t.Fatal(err)
	}
	req.Header.Set("X-Auth-Token", w.store.AccessToken)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		w.t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			w.t.Fatalf("%s %s: %v", method, path, err)
		}
	}
}

type stateResource struct {
	Address string         `json:"address"`
	Type    string         `json:"type"`
	Values  map[string]any `json:"values"`
}

// stateResources reads the state's resources of one type, as
// `terraform show -json` gives them.
func (w *workspace) stateResources(typ string) []stateResource {
	w.t.Helper()
	cmd := exec.Command(cli.CLIPath, "show", "-json", "-no-color")
	cmd.Dir, cmd.Env = w.dir, w.env
	out, err := cmd.Output()
	if err != nil {
		w.t.Fatalf("show -json: %v", err)
	}
	var doc struct {
		Values struct {
			RootModule struct {
				Resources []stateResource `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		w.t.Fatalf("show -json: %v", err)
	}
	var got []stateResource
	for _, r := range doc.Values.RootModule.Resources {
		if r.Type == typ {
			got = append(got, r)
		}
	}
	return got
}

func (w *workspace) stateIDs(typ string) []string {
	var ids []string
	for _, r := range w.stateResources(typ) {
		id, _ := r.Values["id"].(string)
		ids = append(ids, id)
	}
	return ids
}

// running is a CLI command started in its own process group, so that a
// signal reaches the CLI and its provider together, as from a terminal.
type running struct {
	cmd  *exec.Cmd
	out  *syncBuffer
	done chan struct{}
	err  error
}

func (w *workspace) start(args ...string) *running {
	w.t.Helper()
	cmd := exec.Command(cli.CLIPath, append(args, "-no-color")...)
	cmd.Dir, cmd.Env = w.dir, w.env
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	r := &running{cmd: cmd, out: out, done: make(chan struct{})}
	go func() { r.err = cmd.Wait(); close(r.done) }()
	w.t.Cleanup(func() {
		select {
		case <-r.done:
		default:
			r.signal(syscall.SIGKILL)
			<-r.done
		}
	})
	return r
}

func (r *running) signal(sig syscall.Signal) { _ = syscall.Kill(-r.cmd.Process.Pid, sig) }

// interrupt is Ctrl-C: SIGINT to the foreground process group.
func (r *running) interrupt() { r.signal(syscall.SIGINT) }

// kill is a runner shut down: SIGKILL to every process of the command.
func (r *running) kill() { r.signal(syscall.SIGKILL) }

// wait returns the command's output and exit code once it has exited.
func (r *running) wait(t *testing.T) (string, int) {
	t.Helper()
	select {
	case <-r.done:
	case <-time.After(2 * time.Minute):
		r.kill()
		<-r.done
		t.Fatalf("the command did not exit within 2 minutes:\n%s", tail(r.out.String()))
	}
	code := 0
	if ee, ok := r.err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if r.err != nil {
		t.Fatal(r.err)
	}
	return r.out.String(), code
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited a minute for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
