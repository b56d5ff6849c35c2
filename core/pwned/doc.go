// Package pwned is a self-hosted Pwned Passwords corpus: it turns the
// corpus Have I Been Pwned publishes for download into a compact,
// memory-mapped, read-only store, and answers from it both "is this hash in
// the corpus, and how often was it seen?" and "what is the range body of
// this 5-hex prefix?" exactly as the range API would.
//
// [Import] reads either format of HIBP's downloader: one sorted file of
// "HASH:COUNT" lines, or a directory of 1,048,576 per-prefix files
// "XXXXX.txt" of "SUFFIX:COUNT" lines. [Open] maps a store; a [*Store] is an
// [hibp.Checker], like the remote [hibp.Client], so a server can use either.
// [Export] writes the range bodies as static files.
//
// # The store format (version 1)
//
// All integers are little-endian. The file is
//
//	header   "PMPWNED\x00", version u32, kind u32 (1 SHA-1, 2 NTLM)
//	buckets  one per 20-bit prefix, in prefix order, back to back
//	index    2^20+1 u64: bucket b is data[index[b]:index[b+1]] (data starts after the header)
//	footer   "PMPWFOOT", version, kind, hashes, min count, created (unix s),
//	         chunk size, chunk count, one CRC-32C per chunk of everything
//	         before the footer, then the footer's CRC-32C, its length and "PMPWEND\x00"
//
// The prefix of a hash is implicit in its bucket. Within a bucket of n
// hashes the W remaining bits (140 for SHA-1, 108 for NTLM) are
// Elias–Fano coded: with h = floor(log2 n), the top h bits of each are
// implicit too, written in unary (n + 2^h bits in all), and the other W-h
// bits verbatim. A bucket is
//
//	uvarint n | high bits, ceil((n+2^h)/8) bytes | low bits, ceil(n(W-h)/8) bytes | counts
//
// and the counts, in hash order, are Elias-gamma codes of count-base+1,
// where base is max(1, min count). An empty bucket takes no bytes. So a
// hash costs about W - log2(n) + 2 bits plus its count's code: near the
// information-theoretic floor for an exact set of random hashes, which no
// exact store can beat (there is no false positive and no false negative).
//
// A store is written under a temporary name, synced, checked by opening it
// and only then renamed into place, so a store that opens is a whole one:
// [Open] checks the footer, every chunk's checksum and every bucket's
// header before answering. A resumable import ([ImportOptions].Resume) also
// keeps a checkpoint beside the temporary file, at bucket boundaries, to
// go on from after a crash.
package pwned
