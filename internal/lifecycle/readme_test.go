package lifecycle_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"
)

// The README's oldest supported Terraform and OpenTofu are the oldest
// releases the version matrix ran, and the suite passed on every release it
// ran.
func TestREADMEVersionsAreProvenByTheMatrix(t *testing.T) {
	if os.Getenv("CLI_MATRIX_RUN") != "" {
		t.Skip("the version matrix is running: testdata/matrix.txt is being rewritten")
	}
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const row = "| resources, data sources, `terraform import` |"
	var promised map[string]string
	for line := range strings.SplitSeq(string(readme), "\n") {
		if rest, ok := strings.CutPrefix(line, row); ok {
			cells := strings.Split(strings.Trim(rest, " |"), "|")
			if len(cells) != 2 {
				t.Fatalf("README row %q: want a Terraform and an OpenTofu cell", line)
			}
			promised = map[string]string{"terraform": strings.TrimSpace(cells[0]), "tofu": strings.TrimSpace(cells[1])}
		}
	}
	if promised == nil {
		t.Fatalf("README.md has no row starting %q in its version table", row)
	}

	matrix, err := os.ReadFile("testdata/matrix.txt")
	if err != nil {
		t.Fatal(err)
	}
	oldest := map[string]*version.Version{}
	for line := range strings.SplitSeq(string(matrix), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("testdata/matrix.txt: line %q has %d fields, want 5", line, len(f))
		}
		name, v, result := f[0], version.Must(version.NewVersion(f[1])), f[4]
		if result != "pass" {
			t.Errorf("the lifecycle suite did not pass on %s %s: %s", name, v, result)
		}
		if oldest[name] == nil || v.LessThan(oldest[name]) {
			oldest[name] = v
		}
	}
	for name, want := range promised {
		got := oldest[name]
		if got == nil {
			t.Errorf("the README promises %s %s, but the matrix ran no %s", name, want, name)
			continue
		}
		if minor := strings.Join(strings.Split(got.String(), ".")[:2], "."); minor != want {
			t.Errorf("the README promises %s %s, but the oldest %s the matrix ran is %s", name, want, name, got)
		}
	}
}
