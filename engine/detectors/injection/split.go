package injection

import "hash/fnv"

// Split assigns a corpus row to the fixed development split by its id:
// bucket = FNV-1a-32(id) mod 10; buckets 0-6 are "train", 7 is "tune"
// (threshold and calibration choices) and 8-9 are "test" (reported only,
// never used to choose anything).
func Split(id string) string {
	switch b := SplitBucket(id); {
	case b <= 6:
		return "train"
	case b == 7:
		return "tune"
	default:
		return "test"
	}
}

// SplitBucket is FNV-1a-32(id) mod 10.
func SplitBucket(id string) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % 10)
}
