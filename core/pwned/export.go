package pwned

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Sibling is a compressed copy written next to each exported body, as
// static servers serve them (nginx's gzip_static, brotli_static): the
// file's name plus Ext.
type Sibling struct {
	Ext string                         // ".gz", ".br"
	New func(io.Writer) io.WriteCloser // a compressing writer
}

// ExportOptions tune Export.
type ExportOptions struct {
	// Ext is added to each body's file name, which is otherwise the
	// upper-case prefix alone, so that {endpoint}/{prefix} is the file.
	Ext string
	// Siblings are compressed copies of each body.
	Siblings []Sibling
	// PadSizes, if any, pad each body with count-0 lines to the smallest of
	// these line counts that holds it (a body larger than all is left as
	// it is), so that a file's size tells little about its prefix.
	PadSizes []int
	// With Subset, only the prefixes from First to Last (both included)
	// are written, to split an export; otherwise all of them.
	Subset      bool
	First, Last uint32
	// Progress, if set, is called with the number of prefixes done, from
	// several goroutines at once.
	Progress func(done int)
}

// Export writes the range body of every prefix to dir (created if need
// be), as the range API would answer it unpadded.
func Export(ctx context.Context, s *Store, dir string, o ExportOptions) error {
	first, last := o.First, o.Last
	if !o.Subset {
		first, last = 0, Buckets-1
	}
	if first > last || last >= Buckets {
		return fmt.Errorf("pwned: prefix range %05X-%05X is not within 00000-FFFFF", first, last)
	}
	sizes := slices.Sorted(slices.Values(o.PadSizes))
	if len(sizes) > 0 && sizes[0] < 1 {
		return fmt.Errorf("pwned: padding sizes must be positive")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var next atomic.Int64
	next.Store(int64(first))
	var done atomic.Int64
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var body []byte
			var packed bytes.Buffer
			for {
				p := next.Add(1) - 1
				if p > int64(last) || ctx.Err() != nil {
					return
				}
				err := exportOne(s, uint32(p), dir, o, sizes, &body, &packed)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					next.Store(int64(last) + 1)
					return
				}
				if d := done.Add(1); o.Progress != nil {
					o.Progress(int(d))
				}
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

func exportOne(s *Store, p uint32, dir string, o ExportOptions, sizes []int, body *[]byte, packed *bytes.Buffer) error {
	n, err := s.Entries(p)
	if err != nil {
		return err
	}
	padTo := 0
	if i, _ := slices.BinarySearch(sizes, n); i < len(sizes) {
		padTo = sizes[i]
	}
	*body, err = s.AppendRange((*body)[:0], p, padTo, DefaultRand)
	if err != nil {
		return err
	}
	name := filepath.Join(dir, fmt.Sprintf("%05X%s", p, o.Ext))
	if err := writeFileAtomic(name, *body); err != nil {
		return err
	}
	for _, sib := range o.Siblings {
		packed.Reset()
		zw := sib.New(packed)
		if _, err := zw.Write(*body); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		if err := writeFileAtomic(name+sib.Ext, packed.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// writeFileAtomic writes b under a temporary name and renames it into
// place, so that a static host never serves a body cut short by an
// interrupted export: a cut body could hide a breached password.
func writeFileAtomic(name string, b []byte) error {
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, name)
}
