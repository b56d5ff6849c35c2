package zxcvbn

// Stable sorts, here rather than slices.SortStableFunc: each element type
// that is instantiated for adds its own insertion sort, symMerge and
// rotations to the wasm module, 6 to 10 KB of code for each of the three
// types sorted here (measured: -2.5 KB of brotli for l33tPair, -0.6 KB
// for *match and tailState together, whose merge sorts are 4.5 KB each).
// A stable sort's result does not depend on the algorithm, so these give
// zxcvbn's order as the library sort did.

// insertionSort sorts s stably by cmp; for short slices (or ones already
// almost sorted: the cost is the number of inversions).
func insertionSort[T any](s []T, cmp func(a, b T) int) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && cmp(s[j-1], s[j]) > 0; j-- {
			s[j-1], s[j] = s[j], s[j-1]
		}
	}
}

// stableSort sorts s stably by cmp in O(n log n): insertion-sorted runs,
// then bottom-up merges through buf, which it grows to len(s) if need be
// and returns for the next call.
func stableSort[T any](s, buf []T, cmp func(a, b T) int) []T {
	const run = 16
	n := len(s)
	for lo := 0; lo < n; lo += run {
		insertionSort(s[lo:min(lo+run, n)], cmp)
	}
	if n <= run {
		return buf
	}
	if cap(buf) < n {
		buf = make([]T, n)
	}
	src, dst := s, buf[:n]
	for w := run; w < n; w *= 2 {
		for lo := 0; lo < n; lo += 2 * w {
			mid, hi := min(lo+w, n), min(lo+2*w, n)
			merge(dst[lo:hi], src[lo:mid], src[mid:hi], cmp)
		}
		src, dst = dst, src
	}
	if &src[0] != &s[0] {
		copy(s, src)
	}
	clear(buf[:n]) // keep no pointers alive in the buffer
	return buf
}

// merge writes the merge of a and b to dst, taking from a on ties.
func merge[T any](dst, a, b []T, cmp func(a, b T) int) {
	k := 0
	for len(a) > 0 && len(b) > 0 {
		if cmp(b[0], a[0]) < 0 {
			dst[k], b = b[0], b[1:]
		} else {
			dst[k], a = a[0], a[1:]
		}
		k++
	}
	k += copy(dst[k:], a)
	copy(dst[k:], b)
}
