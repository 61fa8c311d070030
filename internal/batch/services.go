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
// window's scheduler.
func familyOptions(window Options, hold func() time.Duration) func(size, inFlight int, write bool) Options {
	return func(size, inFlight int, write bool) Options {
		o := window
		o.MaxSize, o.MaxInFlight, o.Hold = size, inFlight, hold
		// A write's caller waits for the answer even when Terraform asks
		// the provider to stop, so that what the store did reaches the state.
		o.AwaitSent = write
		if !write {
			o.Scheduler = nil // reads do not wait on other families' writes
		}
		return o
	}
}
