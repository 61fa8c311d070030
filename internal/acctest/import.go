package acctest

import (
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// ImportSteps returns a step that applies config, then one step per way a
// user imports resourceName: terraform import (the imported state must
// match), an import block with the id and, when identity names the
// identity's attributes, an import block with the identity; each import
// block must plan no change. A test that passes identity gates itself with
// Identity.
func ImportSteps(resourceName, config string, identity ...string) []resource.TestStep {
	apply := resource.TestStep{Config: config}
	for _, attr := range identity {
		apply.ConfigStateChecks = append(apply.ConfigStateChecks,
			statecheck.ExpectIdentityValueMatchesState(resourceName, tfjsonpath.New(attr)))
	}
	steps := []resource.TestStep{
		apply,
		{
			Config:            config,
			ResourceName:      resourceName,
			ImportState:       true,
			ImportStateVerify: true,
		},
		importBlock(resourceName, config, resource.ImportBlockWithID),
	}
	if len(identity) > 0 {
		steps = append(steps, importBlock(resourceName, config, resource.ImportBlockWithResourceIdentity))
	}
	return steps
}

// importBlock imports resourceName with an import block of kind, which must
// plan no change.
func importBlock(resourceName, config string, kind resource.ImportStateKind) resource.TestStep {
	return resource.TestStep{
		Config:          config,
		ResourceName:    resourceName,
		ImportState:     true,
		ImportStateKind: kind,
		ImportPlanChecks: resource.ImportPlanChecks{
			PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionNoop)},
		},
	}
}
