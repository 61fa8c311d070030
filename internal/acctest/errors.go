package acctest

import (
	"regexp"
	"strings"
)

// ExpectErrorText matches an error message that Terraform may have wrapped
// onto several lines: each space matches any run of white space; everything
// else is literal except ".*", which matches anything.
func ExpectErrorText(pattern string) *regexp.Regexp {
	parts := strings.Split(pattern, ".*")
	for i, p := range parts {
		words := strings.Fields(p)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		parts[i] = strings.Join(words, `\s+`)
		if strings.HasPrefix(p, " ") {
			parts[i] = `\s+` + parts[i]
		}
		if strings.HasSuffix(p, " ") {
			parts[i] += `\s+`
		}
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, ".*"))
}
