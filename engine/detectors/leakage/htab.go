package leakage

// htab is an open-addressing hash table from non-zero uint64 keys to uint64
// values, reused between requests. Keys must be well mixed already (the
// token, shingle and URL hashes all end with mix): the table indexes by
// their low bits.
type htab struct {
	e    []entry
	mask uint64
	n    int
}

type entry struct{ k, v uint64 }

// reset empties the table and sizes it for n keys.
func (t *htab) reset(n int) {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	if cap(t.e) >= size {
		t.e = t.e[:size]
		clear(t.e)
	} else {
		t.e = make([]entry, size)
	}
	t.mask = uint64(size - 1)
	t.n = 0
}

// mix is the murmur3 finaliser.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// slot returns the index of k, inserting it when absent, or -1 when the
// table is half full (reset sizes it for the keys the caller counted, so
// this only guards the probe loop).
func (t *htab) slot(k uint64) int {
	if len(t.e) == 0 {
		return -1
	}
	if k == 0 {
		k = 1
	}
	i := k & t.mask
	for t.e[i].k != 0 && t.e[i].k != k {
		i = (i + 1) & t.mask
	}
	if t.e[i].k == 0 {
		if 2*(t.n+1) > len(t.e) {
			return -1
		}
		t.n++
		t.e[i].k = k
	}
	return int(i)
}

// find returns the index of k, or -1 when it is absent.
func (t *htab) find(k uint64) int {
	if len(t.e) == 0 {
		return -1
	}
	if k == 0 {
		k = 1
	}
	i := k & t.mask
	for t.e[i].k != 0 {
		if t.e[i].k == k {
			return int(i)
		}
		i = (i + 1) & t.mask
	}
	return -1
}

// get returns the value of k and whether it is present.
func (t *htab) get(k uint64) (uint64, bool) {
	if i := t.find(k); i >= 0 {
		return t.e[i].v, true
	}
	return 0, false
}
