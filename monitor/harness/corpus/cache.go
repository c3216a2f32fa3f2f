package corpus

import "sync"

// tagKey names the validator of one rendered object for one link base.
type tagKey struct {
	kind byte // 'f' feed, 'p' page
	idx  int
	base string
}

// tagVal is an ETag and the generation it was computed for: an article's gen
// for pages, the sum of its items' gens for feeds. Generations only grow, so
// an entry whose gen differs from the current one is stale.
type tagVal struct {
	gen  int
	etag string
}

// tagCache keeps the strong ETags of feeds and fixed pages, so a conditional
// GET that matches is answered without rendering and hashing the body. It
// holds one short string per object and base, never bodies, so it stays small
// at 100k articles; bodies are rendered per request instead.
type tagCache struct {
	mu sync.Mutex
	m  map[tagKey]tagVal
}

func (c *tagCache) init() { c.m = make(map[tagKey]tagVal) }

// get returns the ETag stored for k at generation gen.
func (c *tagCache) get(k tagKey, gen int) (string, bool) {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if !ok || v.gen != gen {
		return "", false
	}
	return v.etag, true
}

// put stores etag for k at gen unless a newer generation is already stored
// (a slow request must not replace a later request's entry).
func (c *tagCache) put(k tagKey, gen int, etag string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[k]; ok && old.gen > gen {
		return
	}
	c.m[k] = tagVal{gen: gen, etag: etag}
}
