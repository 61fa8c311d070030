package sandbox

import (
	"fmt"
	"strings"
	"time"
)

// SeedCustomers creates n customers directly (no HTTP, no quota) in group
// groupID (0: none) and returns their ids. Emails are
// customer-%04d@example.com, numbered on from the previous call so that
// repeated calls never collide. It panics if groupID is not a group: it is a
// test helper, and a wrong id is a bug in the test.
func (s *Store) SeedCustomers(n int, groupID int) []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	if groupID != 0 && st.groups[groupID] == nil {
		panic(fmt.Sprintf("sandbox: SeedCustomers: customer group %d does not exist", groupID))
	}
	now := s.now().UTC().Truncate(time.Second)
	ids := make([]int, 0, n)
	for len(ids) < n {
		st.seeded++
		email := fmt.Sprintf("customer-%04d@example.com", st.seeded)
		if _, taken := st.emails[emailKey(email)]; taken {
			continue
		}
		cu := &customer{
			ID:              st.nextCustomer,
			Email:           email,
			FirstName:       "Customer",
			LastName:        fmt.Sprintf("%04d", st.seeded),
			GroupID:         groupID,
			Created:         now,
			Modified:        now,
			OriginChannelID: 1,
		}
		st.nextCustomer++
		st.customers[cu.ID] = cu
		st.emails[emailKey(email)] = cu.ID
		ids = append(ids, cu.ID)
	}
	return ids
}

// SeedGroup creates a customer group with default settings and returns its
// id, for tests that need one. It panics if the name is taken.
func (s *Store) SeedGroup(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	for _, g := range st.groups {
		if strings.EqualFold(g.Name, name) {
			panic(fmt.Sprintf("sandbox: SeedGroup: a group named %q already exists", name))
		}
	}
	now := s.now().UTC().Truncate(time.Second)
	g := &group{ID: st.nextGroup, Name: name, Access: categoryAccess{Type: "all"}, Created: now, Modified: now}
	st.nextGroup++
	st.groups[g.ID] = g
	return g.ID
}

// CustomerCount reports how many customers the store holds, for tests that
// check a destructive call without spending quota on a read.
func (s *Store) CustomerCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.st.customers)
}

// GroupCount reports how many customer groups the store holds.
func (s *Store) GroupCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.st.groups)
}

// SeedChannel adds a channel to the store (which starts with channel 1
// only), with no customer settings of its own and allow_global_logins on.
// It panics if the channel exists.
func (s *Store) SeedChannel(id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id < 1 || s.st.channels[id] != nil {
		panic(fmt.Sprintf("sandbox: SeedChannel: channel %d exists or is not a channel id", id))
	}
	s.st.channels[id] = &channelSettings{AllowGlobalLogins: true}
}
