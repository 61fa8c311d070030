package providerdata

import (
	"context"
	"sync"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// Attributes remembers the store's customer attributes for one plan or
// apply, so that checking the values of N customers against their
// attribute's type costs one listing of the attributes (a store has at most
// bigcommerce.MaxCustomerAttributes), not N reads.
type Attributes struct {
	mu   sync.Mutex
	byID map[int]bigcommerce.Attribute
}

// Get returns the attribute with id, listing the store's attributes with
// list the first time and again when id is not among those listed: it may
// have been created since. ok is false when the store has no such
// attribute.
func (a *Attributes) Get(ctx context.Context, id int, list func(context.Context) ([]bigcommerce.Attribute, error)) (attr bigcommerce.Attribute, ok bool, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if attr, ok := a.byID[id]; ok {
		return attr, true, nil
	}
	all, err := list(ctx)
	if err != nil {
		return bigcommerce.Attribute{}, false, err
	}
	a.byID = make(map[int]bigcommerce.Attribute, len(all))
	for _, at := range all {
		a.byID[at.ID] = at
	}
	attr, ok = a.byID[id]
	return attr, ok, nil
}
