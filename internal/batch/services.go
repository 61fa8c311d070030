package batch

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
