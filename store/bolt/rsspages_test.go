package bolt

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// pageOwners labels every page reachable from the newest meta page of the
// bbolt file at path with the tree it belongs to ("articles",
// "versions/*" for the per-article buckets, ...). Pages it does not label
// are free or pending. It parses the file format directly so that the
// labels do not depend on what bbolt itself touches.
func pageOwners(t *testing.T, path string) (map[uint64]string, int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The bbolt page size is in the meta page; labels are per 4 KiB page,
	// the unit of the process's page tables.
	ps := uint64(binary.LittleEndian.Uint32(data[16+8:]))
	sub := ps / 4096
	meta := func(p uint64) (root, freelist, txid uint64) {
		m := data[p*ps+16:]
		return binary.LittleEndian.Uint64(m[16:]), binary.LittleEndian.Uint64(m[32:]), binary.LittleEndian.Uint64(m[48:])
	}
	r0, f0, t0 := meta(0)
	r1, f1, t1 := meta(1)
	root, fl := r0, f0
	if t1 > t0 {
		root, fl = r1, f1
	}
	own := map[uint64]string{}
	mark := func(id uint64, label string) []byte {
		p := data[id*ps:]
		over := binary.LittleEndian.Uint32(p[12:])
		for i := id * sub; i < (id+uint64(over)+1)*sub; i++ {
			own[i] = label
		}
		return p
	}
	mark(0, "meta")
	mark(1, "meta")
	mark(fl, "freelist")
	var walk func(id uint64, label string, depth int)
	var leafBuckets func(p []byte, label string, depth int)
	leafBuckets = func(p []byte, label string, depth int) {
		count := int(binary.LittleEndian.Uint16(p[10:]))
		for i := range count {
			e := p[16+i*16:]
			flags := binary.LittleEndian.Uint32(e)
			pos := int(binary.LittleEndian.Uint32(e[4:]))
			ks := int(binary.LittleEndian.Uint32(e[8:]))
			vs := int(binary.LittleEndian.Uint32(e[12:]))
			if flags&1 == 0 {
				continue
			}
			k := string(e[pos : pos+ks])
			v := e[pos+ks : pos+ks+vs]
			sub := k
			if depth > 0 {
				sub = label + "/*"
			}
			if r := binary.LittleEndian.Uint64(v); r != 0 {
				walk(r, sub, depth+1)
			} else {
				leafBuckets(v[16:], sub, depth+1)
			}
		}
	}
	walk = func(id uint64, label string, depth int) {
		p := mark(id, label)
		flags := binary.LittleEndian.Uint16(p[8:])
		count := int(binary.LittleEndian.Uint16(p[10:]))
		if flags&1 != 0 { // branch
			for i := range count {
				walk(binary.LittleEndian.Uint64(p[16+i*16+8:]), label, depth)
			}
			return
		}
		leafBuckets(p, label, depth)
	}
	walk(root, "(root)", 0)
	return own, len(data) / 4096
}

// residentPages returns the page indexes (from the start of the mapping)
// of path's mapping that are present in this process's page tables.
func residentPages(t *testing.T, path string) map[uint64]bool {
	t.Helper()
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Skip(err)
	}
	var lo, hi uint64
	sc := bufio.NewScanner(strings.NewReader(string(maps)))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 6 && f[len(f)-1] == path {
			a, b, _ := strings.Cut(f[0], "-")
			lo, _ = strconv.ParseUint(a, 16, 64)
			hi, _ = strconv.ParseUint(b, 16, 64)
		}
	}
	if hi == 0 {
		t.Fatal("no mapping of the store")
	}
	pm, err := os.Open("/proc/self/pagemap")
	if err != nil {
		t.Skip(err)
	}
	defer pm.Close()
	n := (hi - lo) / 4096
	buf := make([]byte, n*8)
	if _, err := pm.ReadAt(buf, int64(lo/4096*8)); err != nil {
		t.Fatal(err)
	}
	out := map[uint64]bool{}
	for i := range n {
		if binary.LittleEndian.Uint64(buf[i*8:])>>63 == 1 {
			out[i] = true
		}
	}
	return out
}

// residentReport tells, per owner, how many of its pages are resident.
func residentReport(t *testing.T, path string) string {
	own, total := pageOwners(t, path)
	res := residentPages(t, path)
	type row struct{ pages, resident int }
	rows := map[string]*row{}
	get := func(l string) *row {
		if rows[l] == nil {
			rows[l] = &row{}
		}
		return rows[l]
	}
	for id := range uint64(total) {
		l, ok := own[id]
		if !ok {
			l = "(free/unreachable)"
		}
		r := get(l)
		r.pages++
		if res[id] {
			r.resident++
		}
	}
	hist := map[int]int{}
	for blk := uint64(0); blk*16 < uint64(total); blk++ {
		k := 0
		for i := blk * 16; i < blk*16+16; i++ {
			if res[i] {
				k++
			}
		}
		hist[k]++
	}
	var labels []string
	for l := range rows {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	var b strings.Builder
	for _, l := range labels {
		fmt.Fprintf(&b, "%-22s pages %7d resident %7d\n", l, rows[l].pages, rows[l].resident)
	}
	fmt.Fprintf(&b, "resident pages per aligned 64 KiB block: %v\n", hist)
	// Blocks holding only pages of one owner, resident or not.
	pure := map[string][2]int{}
	for blk := uint64(0); blk*16+16 <= uint64(total); blk++ {
		l0, ok0 := own[blk*16]
		same := true
		for i := blk * 16; i < blk*16+16; i++ {
			if l, ok := own[i]; l != l0 || ok != ok0 {
				same = false
			}
		}
		if !same {
			l0 = "(mixed)"
		}
		c := pure[l0]
		c[0]++
		if res[blk*16] || res[blk*16+15] {
			c[1]++
		}
		pure[l0] = c
	}
	fmt.Fprintf(&b, "blocks by owner [blocks resident]: %v\n", pure)
	return b.String()
}
