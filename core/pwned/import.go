package pwned

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ImportOptions tune Import.
type ImportOptions struct {
	// Kind is the corpus's hash; KindAuto takes it from the first line.
	Kind Kind
	// MinCount drops hashes seen fewer times (0 or 1: keep all).
	MinCount uint64
	// SkipBad skips and counts malformed or out-of-order lines instead of
	// stopping at the first with a *LineError.
	SkipBad bool
	// Partial accepts a directory that lacks some prefix files, taking
	// them as empty: for samples, never for a real corpus.
	Partial bool
	// Progress, if set, is called every 65,536 lines and once at the end
	// (with Final set), from the importing goroutine.
	Progress func(Progress)
	// Resume makes the import resumable: every 30 s it syncs what it has
	// written and records where it stands (STORE.partial.resume); stopped
	// by an error or a signal, it keeps both; run again with Resume on the
	// same input and minimum count, it goes on from there (else it starts
	// over). Without Resume, a run always starts over.
	Resume bool

	beforeClose     func(*Writer)     // test hook
	checkpointEvery time.Duration     // 0: defaultCheckpointEvery
	afterCheckpoint func(n int) error // test hook: stops the import with its error
}

// Progress is how far an import has got.
type Progress struct {
	Lines    uint64 // lines read
	Hashes   uint64 // hashes written to the store
	Bad      uint64 // malformed or out-of-order lines skipped (SkipBad)
	Zero     uint64 // lines with count 0 (padding), skipped
	BelowMin uint64 // hashes dropped by MinCount
	Done     int64  // bytes read (one file) or prefix files read (directory)
	Total    int64  // bytes or prefix files in all
	Unit     string // "bytes" or "files"
	Final    bool
	Resumed  bool // this run went on from an interrupted one's checkpoint

	// With Final: the time spent syncing the store to disk and opening it
	// again to check it, part of the import's whole time.
	Sync, Check time.Duration
}

// LineError is a malformed line of the corpus. It names the file and the
// line, never the line's text.
type LineError struct {
	File   string
	Line   uint64
	Reason string
}

func (e *LineError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
}

// Import reads a corpus in either of HIBP's downloader formats at from
// (one sorted "HASH:COUNT" file, CRLF or LF, or a directory of "XXXXX.txt"
// range bodies) and writes a store at to. The store appears at to only
// once it is whole and checked; an error or a cancelled ctx leaves no
// file behind (but for a resumable import's checkpoint, see
// ImportOptions.Resume), so an import is restarted by running it again.
func Import(ctx context.Context, from, to string, o ImportOptions) (Progress, error) {
	fi, err := os.Stat(from)
	if err != nil {
		return Progress{}, err
	}
	im := &importer{ctx: ctx, o: o, kind: o.Kind, to: to, last: time.Now(), input: fi}
	if o.checkpointEvery == 0 {
		im.o.checkpointEvery = defaultCheckpointEvery
	}
	if o.Resume {
		im.resume()
	} else {
		os.Remove(to + ResumeSuffix)
	}
	if fi.IsDir() {
		im.p.Unit = "files"
		err = im.dir(from)
	} else {
		im.p.Unit, im.p.Total = "bytes", fi.Size()
		err = im.file(from)
	}
	if err == nil && im.wr == nil {
		err = errors.New("pwned: the corpus holds no hash")
	}
	switch {
	case err == nil:
		if o.beforeClose != nil {
			o.beforeClose(im.wr)
		}
		err = im.wr.Close()
		im.p.Sync, im.p.Check = im.wr.syncTime, im.wr.checkTime
		os.Remove(to + ResumeSuffix)
	case im.wr != nil && im.checkpoints > 0:
		// Keep the temporary file and its checkpoint for a resumed run.
		im.wr.f.Close()
	case im.wr != nil:
		im.wr.Abort()
		os.Remove(to + ResumeSuffix)
	}
	if err != nil {
		return im.p, err
	}
	im.p.Final = true
	if o.Progress != nil {
		o.Progress(im.p)
	}
	return im.p, nil
}

type importer struct {
	ctx  context.Context
	o    ImportOptions
	kind Kind
	to   string
	wr   *Writer
	p    Progress

	br *bufio.Reader

	// Resuming.
	input       os.FileInfo
	from        uint64    // where the checkpoint resumed from stood
	lineStart   uint64    // byte offset of the line being read (one file)
	last        time.Time // of the last checkpoint, or the start
	checkpoints int
}

// start creates the writer once the kind is known.
func (im *importer) start() error {
	if im.wr != nil {
		return nil
	}
	wr, err := Create(im.to, im.kind, im.o.MinCount)
	im.wr = wr
	return err
}

func (im *importer) file(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if im.p.Resumed {
		if _, err := f.Seek(int64(im.from), io.SeekStart); err != nil {
			return err
		}
		im.p.Done = int64(im.from)
	}
	pf := newPrefetch(f, 4<<20, 4)
	defer pf.Close()
	return im.lines(pf, path, -1, im.p.Lines)
}

// dir reads the per-prefix files in prefix order.
func (im *importer) dir(dir string) error {
	names, err := prefixFiles(dir)
	if err != nil {
		return err
	}
	missing, first := 0, ""
	for p, n := range names {
		if n == "" {
			if missing == 0 {
				first = fmt.Sprintf("%05X.txt", p)
			}
			missing++
		}
	}
	if missing > 0 && !im.o.Partial {
		return fmt.Errorf("pwned: %s lacks %d of the %d prefix files (the first is %s): an unfinished download? (--partial takes them as empty)",
			dir, missing, Buckets, first)
	}
	im.p.Total = int64(Buckets - missing)
	for p, n := range names {
		if n == "" {
			continue
		}
		if im.p.Resumed && uint64(p) < im.from {
			im.p.Done++
			continue
		}
		f, err := os.Open(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		err = im.lines(f, filepath.Join(dir, n), int(p), 0)
		f.Close()
		if err == nil {
			err = im.checkpoint(uint64(p)+1, im.p.Lines)
		}
		if err != nil {
			return err
		}
		im.p.Done++
		if im.p.Done%1024 == 0 && im.o.Progress != nil {
			im.o.Progress(im.p)
		}
	}
	return nil
}

// prefixFiles lists dir's "XXXXX.txt" files (either case), by prefix.
func prefixFiles(dir string) ([]string, error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	names := make([]string, Buckets)
	for {
		batch, err := d.Readdirnames(4096)
		for _, n := range batch {
			if len(n) != PrefixHex+4 || !strings.EqualFold(n[PrefixHex:], ".txt") {
				continue
			}
			p, ok := parsePrefix([]byte(n[:PrefixHex]))
			if !ok {
				continue
			}
			if names[p] != "" {
				return nil, fmt.Errorf("pwned: %s holds both %s and %s", dir, names[p], n)
			}
			names[p] = n
		}
		if err == io.EOF {
			return names, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// lines imports the lines of r: whole hashes when prefix < 0, else the
// suffixes of prefix; line is the number of lines before r's first.
func (im *importer) lines(r io.Reader, name string, prefix int, line uint64) error {
	if im.br == nil {
		im.br = bufio.NewReaderSize(r, 1<<20)
	} else {
		im.br.Reset(r) // one buffer for a million files
	}
	br := im.br
	for {
		b, err := br.ReadSlice('\n')
		if len(b) == 0 && err == io.EOF {
			return nil
		}
		line++
		im.p.Lines++
		if prefix < 0 {
			im.lineStart = uint64(im.p.Done)
			im.p.Done += int64(len(b))
		}
		if line == 1 {
			// A byte-order mark, as some Windows tools write, is not part
			// of the first hash.
			b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		}
		var reason string
		switch err {
		case nil, io.EOF:
			var fatal error
			if reason, fatal = im.line(b, prefix); fatal != nil {
				return fatal
			}
		case bufio.ErrBufferFull:
			reason = "line too long"
			for err == bufio.ErrBufferFull {
				b, err = br.ReadSlice('\n')
				if prefix < 0 {
					im.p.Done += int64(len(b))
				}
			}
			if err != nil && err != io.EOF {
				return err
			}
		default:
			return err
		}
		if reason != "" {
			if !im.o.SkipBad {
				return &LineError{File: name, Line: line, Reason: reason}
			}
			im.p.Bad++
		}
		if im.p.Lines%(1<<16) == 0 {
			if err := im.ctx.Err(); err != nil {
				return err
			}
			if im.o.Progress != nil {
				im.o.Progress(im.p)
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// line imports one line (with its newline), or says what is wrong with it;
// fatal is an error of the store's writing, which stops the import.
func (im *importer) line(b []byte, prefix int) (reason string, fatal error) {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	if len(b) == 0 {
		return "blank line", nil
	}
	colon := -1
	for i, c := range b {
		if c == ':' {
			colon = i
			break
		}
	}
	if colon < 0 {
		return "no colon between hash and count", nil
	}
	hexLen := colon
	if prefix >= 0 {
		hexLen += PrefixHex
	}
	if im.kind == KindAuto {
		switch hexLen {
		case SHA1.hexLen():
			im.kind = SHA1
		case NTLM.hexLen():
			im.kind = NTLM
		default:
			return "hash is neither SHA-1 nor NTLM hex", nil
		}
	}
	if hexLen != im.kind.hexLen() {
		return fmt.Sprintf("hash is not %d hex digits (%v)", im.kind.hexLen(), im.kind), nil
	}
	h := b[:colon]
	p := uint32(prefix)
	if prefix < 0 {
		var ok bool
		if p, ok = parsePrefix(h[:PrefixHex]); !ok {
			return "hash is not hexadecimal", nil
		}
		h = h[PrefixHex:]
	}
	k, ok := parseSuffix(h)
	if !ok {
		return "hash is not hexadecimal", nil
	}
	count, ok := parseCount(b[colon+1:])
	if !ok {
		return "count is not a decimal number below 2^64", nil
	}
	switch {
	case count == 0:
		im.p.Zero++
		return "", nil
	case count < im.o.MinCount:
		im.p.BelowMin++
		return "", nil
	}
	if im.wr == nil {
		if err := im.start(); err != nil {
			return "", err
		}
	} else if prefix < 0 && int(p) > im.wr.cur {
		// A bucket boundary: where a resumed run can start, this line first.
		if err := im.checkpoint(im.lineStart, im.p.Lines-1); err != nil {
			return "", err
		}
	}
	if err := im.wr.add(p, k, count); err != nil {
		if errors.Is(err, ErrOrder) {
			return ErrOrder.Error(), nil
		}
		return "", err
	}
	im.p.Hashes++
	return "", nil
}

// parseCount reads a non-empty decimal number that fits in 64 bits.
func parseCount(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 20 {
		return 0, false
	}
	var n uint64
	for _, c := range b {
		d := uint64(c - '0')
		if d > 9 || n > (^uint64(0)-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}
