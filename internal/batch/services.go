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

// Services are the batching services of one configured provider. Their
// writes share one Scheduler, because they share Terraform's parallelism
// slots: an apply creates customers, their addresses and their attribute
// values at once, and each family alone would see a third of the callers.
type Services struct {
	Customers       *Customers
	Addresses       *Addresses
	AttributeValues *AttributeValues
	Metafields      *Metafields
}

// NewServices returns the batching services over api.
func NewServices(api API) Services {
	writes := Options{Scheduler: NewScheduler()}
	return Services{
		Customers:       newCustomers(api, writes),
		Addresses:       newAddresses(api, writes),
		AttributeValues: newAttributeValues(api, writes),
		Metafields:      newMetafields(api, writes),
	}
}

// familyOptions returns the options of one coalescer of a family's service:
// window's timings, hold (the pacer's view of the quota), and for writes the
// window's scheduler (one for the family's writes when window has none).
func familyOptions(window Options, hold func() time.Duration) func(size, inFlight int, write bool) Options {
	if window.Scheduler == nil {
		window.Scheduler = NewScheduler()
	}
	return func(size, inFlight int, write bool) Options {
		o := window
		o.MaxSize, o.MaxInFlight, o.Hold = size, inFlight, hold
		// A write's caller waits for the answer even when Terraform asks
		// the provider to stop, so that what the store did reaches the
		// state; and a write's batch waits for calls at the pace they come.
		o.AwaitSent, o.FollowPace = write, write
		if !write {
			// Reads go at the end of each burst, and do not wait for
			// callers that are waiting in a write's batch.
			o.Scheduler = nil
		}
		return o
	}
}
