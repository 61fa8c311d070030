package batch

import "time"

// API is every endpoint the batching services use. *bigcommerce.Client
// implements it.
type API interface {
	CustomerAPI
	AddressAPI
	AttributeValueAPI
	MetafieldAPI
}

// Services are the batching services of one configured provider. All their
// coalescers share one Scheduler, because their callers share Terraform's
// parallelism slots: an apply creates customers, their addresses and their
// attribute values at once, and a refresh reads them at once, so each
// family alone would see a fraction of the callers, and would wait for
// callers that are waiting in another family's batch.
type Services struct {
	Customers       *Customers
	Addresses       *Addresses
	AttributeValues *AttributeValues
	Metafields      *Metafields
}

// NewServices returns the batching services over api.
func NewServices(api API) Services {
	window := Options{Scheduler: NewScheduler()}
	return Services{
		Customers:       newCustomers(api, window),
		Addresses:       newAddresses(api, window),
		AttributeValues: newAttributeValues(api, window),
		Metafields:      newMetafields(api, window),
	}
}

// familyOptions returns the options of one coalescer of a family's service:
// window's timings and scheduler (one for the family when window has none),
// and hold, the pacer's view of the quota.
func familyOptions(window Options, hold func() time.Duration) func(size, inFlight int, write bool) Options {
	if window.Scheduler == nil {
		window.Scheduler = NewScheduler()
	}
	return func(size, inFlight int, write bool) Options {
		o := window
		o.MaxSize, o.MaxInFlight, o.Hold = size, inFlight, hold
		// A write's caller waits for the answer even when Terraform asks
		// the provider to stop, so that what the store did reaches the state.
		o.AwaitSent = write
		return o
	}
}
