package hibp

import (
	"container/list"
	"sync"
)

// lru is a concurrency-safe least-recently-used map from prefix to parsed
// range, holding at most max entries.
type lru struct {
	mu    sync.Mutex
	max   int
	order *list.List // front is most recent; values are *lruItem
	items map[string]*list.Element
}

type lruItem struct {
	prefix string
	rg     *Range
}

func newLRU(max int) *lru {
	return &lru{max: max, order: list.New(), items: make(map[string]*list.Element)}
}

func (c *lru) get(prefix string) (*Range, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[prefix]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruItem).rg, true
}

func (c *lru) add(prefix string, rg *Range) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[prefix]; ok {
		e.Value.(*lruItem).rg = rg
		c.order.MoveToFront(e)
		return
	}
	c.items[prefix] = c.order.PushFront(&lruItem{prefix, rg})
	for c.order.Len() > c.max {
		old := c.order.Back()
		c.order.Remove(old)
		delete(c.items, old.Value.(*lruItem).prefix)
	}
}

func (c *lru) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
