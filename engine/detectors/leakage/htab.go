package leakage

// htab is an open-addressing hash table from non-zero uint64 keys to uint64
// values, reused between requests.
type htab struct {
	keys []uint64
	vals []uint64
	mask uint64
	n    int
}

// reset empties the table and sizes it for n keys.
func (t *htab) reset(n int) {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	if cap(t.keys) >= size {
		t.keys, t.vals = t.keys[:size], t.vals[:size]
		clear(t.keys)
		clear(t.vals)
	} else {
		t.keys, t.vals = make([]uint64, size), make([]uint64, size)
	}
	t.mask = uint64(size - 1)
	t.n = 0
}

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
	if len(t.keys) == 0 {
		return -1
	}
	if k == 0 {
		k = 1
	}
	i := mix(k) & t.mask
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & t.mask
	}
	if t.keys[i] == 0 {
		if 2*(t.n+1) > len(t.keys) {
			return -1
		}
		t.n++
		t.keys[i] = k
	}
	return int(i)
}

// get returns the value of k and whether it is present.
func (t *htab) get(k uint64) (uint64, bool) {
	if len(t.keys) == 0 {
		return 0, false
	}
	if k == 0 {
		k = 1
	}
	i := mix(k) & t.mask
	for t.keys[i] != 0 {
		if t.keys[i] == k {
			return t.vals[i], true
		}
		i = (i + 1) & t.mask
	}
	return 0, false
}
