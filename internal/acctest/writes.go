package acctest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// Writes records what the provider sends the sandbox during chosen steps,
// to check that an update carries only what changed.
type Writes struct {
	store *sandbox.Server
	rec   *sandbox.Recording
}

// RecordWrites returns a recorder of t's sandbox; against a real store the
// test is skipped.
func RecordWrites(t *testing.T) *Writes {
	t.Helper()
	w := &Writes{store: Sandbox(t)}
	t.Cleanup(w.stop)
	return w
}

// Start begins a recording: a step's PreConfig.
func (w *Writes) Start() {
	w.stop()
	w.rec = w.store.Record()
}

func (w *Writes) stop() {
	if w.rec != nil {
		w.rec.Stop()
	}
}

// SentOne checks that the step sent exactly one request to key (such as
// "PUT /v3/customers/addresses"), about the resource at address, whose body
// is the JSON want; "$id" in want stands for the resource's numeric id.
func (w *Writes) SentOne(key, address, want string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		w.stop()
		reqs := w.rec.Requests(key)
		if len(reqs) != 1 {
			return fmt.Errorf("the store received %d requests to %s, want 1", len(reqs), key)
		}
		id := s.RootModule().Resources[address].Primary.ID
		if reqs[0].ID != 0 && strconv.Itoa(reqs[0].ID) != id {
			return fmt.Errorf("%s went to %d, want %s", key, reqs[0].ID, id)
		}
		var got, wantBody any
		if err := json.Unmarshal(reqs[0].Body, &got); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(strings.ReplaceAll(want, `"$id"`, id)), &wantBody); err != nil {
			return err
		}
		if !reflect.DeepEqual(got, wantBody) {
			return fmt.Errorf("%s sent %s, want %s", key, reqs[0].Body, want)
		}
		return nil
	}
}
