package sandbox

import (
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"slices"
	"unicode"
)

// passwordHash is a salted PBKDF2-SHA256 hash. The sandbox never keeps or
// returns a password in clear. The iteration count is low on purpose: this
// is a test double, and bulk-import benchmarks create many customers.
type passwordHash struct {
	salt []byte
	key  []byte
}

const pbkdf2Iterations = 1000

func hashPassword(pw string) passwordHash {
	salt := make([]byte, 16)
	_, _ = rand.Read(salt) // crypto/rand.Read never fails
	key, _ := pbkdf2.Key(sha256.New, pw, salt, pbkdf2Iterations, 32)
	return passwordHash{salt: salt, key: key}
}

func (h passwordHash) set() bool { return len(h.key) > 0 }

func (h passwordHash) matches(pw string) bool {
	if !h.set() {
		return false
	}
	key, err := pbkdf2.Key(sha256.New, pw, h.salt, pbkdf2Iterations, 32)
	return err == nil && subtle.ConstantTimeCompare(key, h.key) == 1
}

// passwordProblem applies BigCommerce's default password policy (at least
// seven characters with both letters and digits). The spec does not state it;
// the real store refuses weaker passwords, so the sandbox does too.
func passwordProblem(pw string) string {
	if len([]rune(pw)) < 7 {
		return "must be at least 7 characters long"
	}
	var letter, digit bool
	for _, r := range pw {
		letter = letter || unicode.IsLetter(r)
		digit = digit || unicode.IsDigit(r)
	}
	if !letter || !digit {
		return "must contain both letters and numbers"
	}
	return ""
}

// validateCredentialsV3 serves POST /v3/customers/validate-credentials.
func validateCredentialsV3(c *call) reply {
	f, errs, bad := c.bodyObject()
	if bad != nil {
		return *bad
	}
	email, _ := f.str("email", true, 1, 0)
	password, _ := f.str("password", true, 1, 0)
	channel, hasChannel := f.integer("channel_id", false)
	if len(*errs) > 0 {
		return c.invalid(titleInvalidJSON, *errs)
	}
	if !hasChannel {
		channel = 1 // the spec: "If this field is empty we will use channel 1."
	}

	type answer struct {
		IsValid    bool `json:"is_valid"`
		CustomerID *int `json:"customer_id"`
	}
	c.s.mu.Lock()
	var hash passwordHash
	var id int
	if cid, ok := c.s.st.emails[emailKey(email)]; ok {
		cust := c.s.st.customers[cid]
		if cust.ChannelIDs == nil || slices.Contains(cust.ChannelIDs, channel) {
			hash, id = cust.Password, cid
		}
	}
	c.s.mu.Unlock()

	// Hash outside the lock: it is the slowest thing the store does.
	if id != 0 && hash.matches(password) {
		return reply{status: http.StatusOK, body: answer{IsValid: true, CustomerID: &id}}
	}
	return reply{status: http.StatusOK, body: answer{IsValid: false}}
}

// validatePasswordV2 serves POST /v2/customers/{id}/validate.
func validatePasswordV2(c *call) reply {
	f, errs, bad := c.bodyObject()
	if bad != nil {
		return *bad
	}
	password, _ := f.str("password", true, 0, 0)
	if len(*errs) > 0 {
		return c.invalid("", *errs)
	}
	c.s.mu.Lock()
	cust, ok := c.s.st.customers[c.id]
	var hash passwordHash
	if ok {
		hash = cust.Password
	}
	c.s.mu.Unlock()
	if !ok {
		return c.notFound()
	}
	// The schema says a boolean; the prose shows "true" as a string. We
	// follow the schema.
	return reply{status: http.StatusOK, body: map[string]bool{"success": hash.matches(password)}}
}
