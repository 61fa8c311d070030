package acctest

import "github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"

// SandboxIfAny returns the package's sandbox store, or nil against a real
// store, for checks that only the sandbox can make.
func SandboxIfAny() *sandbox.Server { return sandboxStore }
