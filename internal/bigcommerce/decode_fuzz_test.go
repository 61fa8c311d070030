package bigcommerce

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

// FuzzDecodeResponses feeds arbitrary bodies and statuses to the client: it
// must never panic, must answer every 2xx body it cannot read as an outcome
// it cannot know (never as success with made-up data), and every error
// status as an APIError.
func FuzzDecodeResponses(f *testing.F) {
	f.Add(200, `{"data":[{"id":1,"email":"a@example.com","store_credit_amounts":[{"amount":43.15}],"form_fields":[{"name":"x","value":["a","b"]}]}],"meta":{}}`)
	f.Add(200, `{"data":[{"id":1,"unknown_field":{"deep":[1,2,3]}}]}`)
	f.Add(200, `{"data":[{"id":1,"email":"a@exa`)
	f.Add(422, `{"status":422,"title":"x","errors":{"0.email":"taken","1.first_name":{"nested":true}}}`)
	f.Add(404, `[{"status":404,"message":"gone"}]`)
	f.Add(409, `not json`)
	f.Add(200, ``)
	f.Fuzz(func(t *testing.T, status int, body string) {
		if status < 200 || status > 599 || status == 429 || (status >= 500 && status <= 504) {
			return // retried statuses are covered elsewhere
		}
		srv := &scriptedServer{responses: []scripted{{status: status, body: body}}}
		c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
		c.maxRetries = 0
		got, err := c.CreateCustomers(context.Background(), []CustomerCreate{{Email: "a@example.com", FirstName: "A", LastName: "B"}})
		switch {
		case status >= 200 && status < 300:
			var unknown *OutcomeUnknownError
			if err != nil && !errors.As(err, &unknown) {
				t.Fatalf("status %d: err %T %v, want nil or OutcomeUnknownError", status, err, err)
			}
			if err == nil && len(got) != 1 {
				t.Fatalf("status %d: success with %d customers", status, len(got))
			}
		default:
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.Status != status {
				t.Fatalf("status %d: err %v, want an APIError", status, err)
			}
			_ = apiErr.ItemFields()
			_ = apiErr.Error()
		}
	})
}

func TestResponseBodiesAreSizeLimited(t *testing.T) {
	big := make([]byte, maxResponseBytes+10)
	for i := range big {
		big[i] = ' '
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(big)
	})
	c := newTestClient(t, h, &fakeClock{t: time.Unix(0, 0)})
	c.maxRetries = 0
	_, err := c.GetCustomers(context.Background(), []int{1})
	if err == nil {
		t.Fatal("a response larger than the limit was accepted")
	}
}
