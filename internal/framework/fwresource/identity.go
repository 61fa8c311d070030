package fwresource

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// IDIdentity is the identity of a resource named by its numeric id.
type IDIdentity struct {
	ID types.String `tfsdk:"id"`
}

// IDIdentitySchema is the identity schema of IDIdentity; description says
// whose id it is.
func IDIdentitySchema(description string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{Description: description, RequiredForImport: true},
		},
	}
}

// IDPairIdentitySchema is the identity schema of a resource named by two
// numeric ids, such as a customer's value of an attribute.
func IDPairIdentitySchema(first, firstDescription, second, secondDescription string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			first:  identityschema.Int64Attribute{Description: firstDescription, RequiredForImport: true},
			second: identityschema.Int64Attribute{Description: secondDescription, RequiredForImport: true},
		},
	}
}

// SetIdentity records identity (such as an IDIdentity) in a response.
func SetIdentity(ctx context.Context, to *tfsdk.ResourceIdentity, identity any, diags *diag.Diagnostics) {
	diags.Append(to.Set(ctx, identity)...)
}

// Save records what a create, read or update ends with: the model in the
// state and the identity beside it.
func Save(ctx context.Context, state *tfsdk.State, to *tfsdk.ResourceIdentity, model, identity any, diags *diag.Diagnostics) {
	diags.Append(state.Set(ctx, model)...)
	SetIdentity(ctx, to, identity, diags)
}

// RemoveGone removes a resource that Read found deleted outside Terraform,
// with a warning (summary, detail) that says so.
func RemoveGone(ctx context.Context, resp *resource.ReadResponse, identity any, summary, detail string) {
	resp.Diagnostics.AddWarning(summary, detail)
	// CLIs before Terraform 1.12 send no identity, and the framework
	// refuses a Read that ends without one, even one that removes the resource.
	SetIdentity(ctx, resp.Identity, identity, &resp.Diagnostics)
	resp.State.RemoveResource(ctx)
}

// ImportByIdentity imports from the identity when the import gives no id
// (an import block with identity), and reports whether it did.
func ImportByIdentity(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) bool {
	if req.ID != "" {
		return false
	}
	resource.ImportStatePassthroughWithIdentity(ctx, path.Root("id"), path.Root("id"), req, resp)
	return true
}

// SetImportedID records an imported numeric id in the state and the identity.
func SetImportedID(ctx context.Context, resp *resource.ImportStateResponse, id string) {
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.Identity.SetAttribute(ctx, path.Root("id"), id)...)
}
