package main

import (
	"io"
	"net/http"
	"sync"
)

// stateServer is a minimal HTTP state backend: GET, POST and DELETE of a
// state by path, in memory, without locking.
type stateServer struct {
	mu     sync.Mutex
	states map[string][]byte
}

func (s *stateServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.Method {
	case http.MethodGet:
		body, ok := s.states[r.URL.Path]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		_, _ = w.Write(body)
	case http.MethodPost:
		body, err := io.ReadAll(r.Body)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		s.states[r.URL.Path] = body
	case http.MethodDelete:
		delete(s.states, r.URL.Path)
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}
