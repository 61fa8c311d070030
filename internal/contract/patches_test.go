package contract

import "testing"

// TestPatchesAreStillNeeded checks each patch against the published
// documents: the error it corrects must still be there (else drop the
// patch), and must be gone once it is applied.
func TestPatchesAreStillNeeded(t *testing.T) {
	for _, p := range patches {
		t.Run(specFiles[p.version]+": "+p.name, func(t *testing.T) {
			doc := loadSpec(t, p.version)
			if err := p.stillNeeded(doc); err != nil {
				t.Fatalf("the published document no longer has this error (%v): remove the patch", err)
			}
			if err := p.apply(doc); err != nil {
				t.Fatalf("applying: %v", err)
			}
			if p.stillNeeded(doc) == nil {
				t.Error("the patch does not correct the error it names")
			}
		})
	}
}
