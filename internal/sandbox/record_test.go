package sandbox

import (
	"strconv"
	"testing"
)

func TestRecordKeepsWriteBodiesUntilStopped(t *testing.T) {
	a := newAPI(t, Options{})
	var g groupV2
	a.do("POST", "/v2/customer_groups", map[string]any{"name": "Before"}).want(t, 201).decode(t, &g)

	rec := a.store.Record()
	path := "/v2/customer_groups/" + strconv.Itoa(g.ID)
	a.do("PUT", path, map[string]any{"name": "During"}).want(t, 200)
	a.do("PUT", path, map[string]any{"name": nil}).want(t, 400) // refused, yet received
	rec.Stop()
	a.do("PUT", path, map[string]any{"name": "After"}).want(t, 200)

	got := rec.Requests("PUT /v2/customer_groups/{id}")
	if len(got) != 2 || got[0].ID != g.ID || string(got[0].Body) != `{"name":"During"}` || string(got[1].Body) != `{"name":null}` {
		t.Errorf("recorded %+v, want the two bodies sent while recording", got)
	}
	if other := rec.Requests("POST /v2/customer_groups"); len(other) != 0 {
		t.Errorf("recorded a create sent before recording: %+v", other)
	}
}
