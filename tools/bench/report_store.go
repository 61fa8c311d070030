package main

import (
	"fmt"
	"strings"
)

// storeFamilies are the store scenario's families, in column order.
var storeFamilies = []string{famCustomers, famAddresses, famAttributes, famValues, famGroups}

func writeStore(b *strings.Builder, cfg config, runs []runResult) {
	for _, n := range cfg.ns {
		for _, state := range cfg.states {
			floor, mine := selectRuns(runs, "store", n, state)
			if len(mine) == 0 && floor == nil {
				continue
			}
			fmt.Fprintf(b, "## Store: N = %d, %s state\n\n", n, state)
			fmt.Fprintf(b, "%d customers, each with an address and a value of one `bigcommerce_customer_attribute`, and %d customer groups (%d resources). `update` changes every customer's last name, every address's city and every value; groups and the attribute stay. Time target: %s.\n\n",
				n, storeGroups, 3*n+1+storeGroups, floorTargetText(state))
			writeStoreIdeals(b, cfg, n)
			b.WriteString("| phase | batching | requests | customers | addresses | attributes | attribute values | groups | other | 429s | surfaced | wall time | × floor | provider peak RSS | request target | time target |\n")
			b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n")
			var notes []string
			for _, phase := range phaseNames {
				fp := floorPhase(floor, phase)
				for _, r := range withFloor(floor, mine) {
					p, ok := findPhase(r, phase)
					if !ok {
						continue
					}
					fam := byFamily(p.requests)
					reqCheck, timeCheck := "", ""
					if r.mode == "on" && !r.floor {
						reqCheck = storeRequestCheck(phase, n, cfg.parallelism, fam)
						if note := storeRequestNote(phase, n, cfg.parallelism, fam); note != "" {
							notes = append(notes, fmt.Sprintf("store, N = %d, %s state, %s: %s", n, state, phase, note))
						}
						v := floorVerdict(cfg, r, p, fp)
						timeCheck = v.mark
						if v.note != "" {
							notes = append(notes, v.note)
						}
					}
					if p.err != nil {
						timeCheck = "failed: " + p.err.Error()
					}
					fmt.Fprintf(b, "| %s | %s | %d |", phase, modeLabel(r), p.total)
					for _, f := range append(storeFamilies, famOther) {
						fmt.Fprintf(b, " %d |", fam[f])
					}
					fmt.Fprintf(b, " %d | %d | %.1f s | %s | %.0f MiB | %s | %s |\n",
						p.rateLimited, p.surfaced, p.wall.Seconds(), ratioText(p, fp), float64(p.peakRSS)/1024, reqCheck, timeCheck)
				}
			}
			b.WriteString("\n")
			writeNotes(b, notes)
			writeStoreEndpoints(b, withFloor(floor, mine))
			writeTotals(b, cfg, mine)
		}
	}
}

// writeStoreIdeals is the table of ideal request counts and targets per
// family and phase.
func writeStoreIdeals(b *strings.Builder, cfg config, n int) {
	fmt.Fprintf(b, "Ideal requests with batching (target: at most 1.1 × ideal + 5 per family and phase). Writes: ceil(N/10) (10 items per POST, PUT or upsert). Reads and deletes: ceil(N/%d): the endpoints take up to 50 ids, but the provider merges only calls in flight together and Terraform runs at most -parallelism=%d at once. Attribute values in apply and destroy: twice that, since each batch of creates or deletes first reads its pairs with one listing (a create must not replace a value the customer has; a delete finds the value's id by its pair). The attribute: one request. Groups are V2 and not batched: one request per group (0 in update, which changes none).\n\n",
		readBatch(cfg.parallelism), cfg.parallelism)
	b.WriteString("| phase |")
	for _, f := range storeFamilies {
		fmt.Fprintf(b, " %s ideal / target |", f)
	}
	b.WriteString("\n|---|")
	for range storeFamilies {
		b.WriteString("---:|")
	}
	b.WriteString("\n")
	for _, phase := range phaseNames {
		ideal := idealStore(phase, n, storeGroups, cfg.parallelism)
		fmt.Fprintf(b, "| %s |", phase)
		for _, f := range storeFamilies {
			fmt.Fprintf(b, " %d / %d |", ideal[f], familyTarget(ideal[f]))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// storeRequestCheck compares a batching-on phase's requests per family with
// the family's target: ✅, or ❌ naming the families over it.
func storeRequestCheck(phase string, n, parallelism int, fam map[string]int) string {
	ideal := idealStore(phase, n, storeGroups, parallelism)
	var over []string
	for _, f := range storeFamilies {
		if t := familyTarget(ideal[f]); fam[f] > t {
			over = append(over, fmt.Sprintf("%s %d > %d", f, fam[f], t))
		}
	}
	if fam[famOther] > 0 {
		over = append(over, fmt.Sprintf("other %d", fam[famOther]))
	}
	if len(over) == 0 {
		return "✅"
	}
	return "❌ " + strings.Join(over, ", ")
}

// storeRequestNote says, for the families of a batching-on phase over
// their request target, how full their batches were and why they could
// not be fuller; "" when every family is within its target.
func storeRequestNote(phase string, n, parallelism int, fam map[string]int) string {
	ideal := idealStore(phase, n, storeGroups, parallelism)
	var over []string
	for _, f := range []string{famCustomers, famAddresses, famValues} {
		if fam[f] <= familyTarget(ideal[f]) || fam[f] == 0 {
			continue
		}
		per := 1
		if f == famValues {
			per = valueRequestsPerBatch(phase)
		}
		over = append(over, fmt.Sprintf("%s: %d items in %d batches (%d requests), %.1f a batch", f, n, fam[f]/per, fam[f], float64(n*per)/float64(fam[f])))
	}
	if len(over) == 0 {
		return ""
	}
	return strings.Join(over, "; ") + fmt.Sprintf(". A batch holds what is waiting when it goes, and Terraform's -parallelism=%d slots are shared by every family the phase works on at once: when every slot waits, the fullest batch goes first and the others keep filling, but with k families at once the fullest holds about %d/k to %d. `go test ./internal/batch -run TestSchedulerSharedAcrossFamilies -v` measures three families interleaved through 10 slots at about 13 requests each for 60 items (4.6 a batch); the target assumes full batches and cannot hold for families Terraform interleaves.", parallelism, parallelism, parallelism)
}

// writeStoreEndpoints lists each batching-on and floor phase's requests by
// endpoint.
func writeStoreEndpoints(b *strings.Builder, runs []runResult) {
	b.WriteString("Requests by endpoint:\n\n")
	for _, r := range runs {
		if r.mode != "on" {
			continue
		}
		for _, p := range r.phases {
			fmt.Fprintf(b, "- %s, %s: %s\n", p.name, modeLabel(r), endpoints(p.requests))
		}
	}
	b.WriteString("\n")
}
