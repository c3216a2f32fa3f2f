package corpus

import (
	"sync"
	"time"
)

// cacheKey names one rendered object. gen is the article generation (pages)
// or the server revision (feeds), so an entry rendered from state that a
// concurrent Revise has since replaced is never served again.
type cacheKey struct {
	kind byte // 'f' feed, 'p' page parts
	idx  int
	gen  int
	base string
}

type cacheVal struct {
	body    []byte
	etag    string
	updated time.Time
	parts   pageParts
}

// renderCache keeps rendered feeds and page parts until the next Revise, so
// serving stays cheap in benchmarks with thousands of articles.
type renderCache struct {
	mu sync.Mutex
	m  map[cacheKey]cacheVal
}

func (c *renderCache) init() { c.m = make(map[cacheKey]cacheVal) }

func (c *renderCache) get(k cacheKey) (cacheVal, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *renderCache) put(k cacheKey, v cacheVal) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

// reset drops every entry; keys carry generations, so this only frees memory.
func (c *renderCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.m)
}
