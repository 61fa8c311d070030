package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// sampleProviders polls the children of Terraform's process (the provider
// plugins) every 20 ms until ctx ends, and returns each one's VmHWM, the
// kernel's record of its peak resident set, in kB. The last sample of a
// process may miss growth in its final 20 ms.
func sampleProviders(ctx context.Context, tfPid int) map[int]int64 {
	peaks := map[int]int64{}
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		for _, pid := range childrenOf(tfPid) {
			if hwm, name := procStatus(pid); strings.HasPrefix(name, "terraform-provi") {
				peaks[pid] = max(peaks[pid], hwm)
			}
		}
		select {
		case <-ctx.Done():
			return peaks
		case <-tick.C:
		}
	}
}

func childrenOf(ppid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var out []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces and parentheses.
		i := bytes.LastIndexByte(stat, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(string(stat[i+1:]))
		if len(fields) > 1 && fields[1] == strconv.Itoa(ppid) {
			out = append(out, pid)
		}
	}
	return out
}

// procStatus returns VmHWM (kB) and Name from /proc/<pid>/status.
func procStatus(pid int) (hwm int64, name string) {
	f, err := os.Open(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0, ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		v = strings.TrimSpace(v)
		switch k {
		case "Name":
			name = v
		case "VmHWM":
			hwm, _ = strconv.ParseInt(strings.TrimSuffix(v, " kB"), 10, 64)
		}
	}
	return hwm, name
}
