package fwresource

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// Lookup is how a data source finds the one object its configuration
// names: by its numeric id when the id is set, or else by another key (an
// e-mail address, a name).
type Lookup[T any] struct {
	// What names the kind of object in the errors, such as "customer group".
	What string
	// NotFound explains that the store has no such object, with %s for
	// what was searched, such as "id 12" or "e-mail jane@example.com".
	NotFound string
	// Key names the other key in NotFound, such as "e-mail"; QuoteKey
	// quotes its value there.
	Key      string
	QuoteKey bool
	// ParseID checks a configured id, such as ParseID of the kind.
	ParseID func(string) (int, diag.Diagnostics)
	ByID    func(context.Context, int) (*T, error)
	ByKey   func(context.Context, string) (*T, error)
}

// Find reads the object that id names, or else the one key names. ok is
// false when the id is invalid, the store has no such object or could not
// be read, with the reason in diags.
func (l Lookup[T]) Find(ctx context.Context, id, key types.String, diags *diag.Diagnostics) (_ *T, ok bool) {
	var (
		found    *T
		err      error
		searched string
	)
	if !id.IsNull() {
		n, d := l.ParseID(id.ValueString())
		if diags.Append(d...); d.HasError() {
			return nil, false
		}
		searched = "id " + id.ValueString()
		found, err = l.ByID(ctx, n)
	} else {
		value := key.ValueString()
		if l.QuoteKey {
			value = strconv.Quote(value)
		}
		searched = l.Key + " " + value
		found, err = l.ByKey(ctx, key.ValueString())
	}
	if errors.Is(err, bigcommerce.ErrNotFound) {
		diags.AddError(strings.ToUpper(l.What[:1])+l.What[1:]+" not found", fmt.Sprintf(l.NotFound, searched))
		return nil, false
	}
	if err != nil {
		diags.AddError("Unable to read "+l.What, err.Error())
		return nil, false
	}
	return found, true
}

// ObjectType is the type of an object of a data source's nested attributes.
func ObjectType(attributes map[string]schema.Attribute) types.ObjectType {
	attrTypes := make(map[string]attr.Type, len(attributes))
	for name, a := range attributes {
		attrTypes[name] = a.GetType()
	}
	return types.ObjectType{AttrTypes: attrTypes}
}

// ListOf is what a data source that lists objects reads: the objects (models
// of objectType, whose string attribute "id" names each) as a list, and
// their ids as a list of strings in the same order.
func ListOf[M any](ctx context.Context, objectType types.ObjectType, objects []M) (list, ids types.List, diags diag.Diagnostics) {
	list, diags = types.ListValueFrom(ctx, objectType, objects)
	idValues := make([]attr.Value, 0, len(objects))
	for _, o := range list.Elements() {
		obj, ok := o.(types.Object)
		id, isString := obj.Attributes()["id"].(types.String)
		if !ok || !isString {
			diags.AddError("Provider error", fmt.Sprintf("A listed object has no string id: %s.", o))
			return list, types.ListNull(types.StringType), diags
		}
		idValues = append(idValues, id)
	}
	return list, types.ListValueMust(types.StringType, idValues), diags
}
