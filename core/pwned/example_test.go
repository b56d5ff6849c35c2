package pwned_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/passmeter/passmeter/core/hibp"
	"github.com/passmeter/passmeter/core/pwned"
)

// A corpus in the downloader's one-file format, imported, then used for
// a breach check and a range body, with no request anywhere.
func Example() {
	dir, _ := os.MkdirTemp("", "pwned-example-")
	defer os.RemoveAll(dir)
	corpus := filepath.Join(dir, "pwnedpasswords.txt")
	os.WriteFile(corpus, []byte(
		"5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:9545824\r\n"+ // "password"
			"5BAA6DEADBEEF0000000000000000000000000AA:3\r\n"), 0o644)

	store := filepath.Join(dir, "pwned.store")
	if _, err := pwned.Import(context.Background(), corpus, store, pwned.ImportOptions{}); err != nil {
		fmt.Println(err)
		return
	}
	s, err := pwned.Open(store)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	var breach hibp.Checker = s // where a *hibp.Client would ask the range API
	r, _ := breach.Check(context.Background(), "password")
	fmt.Println(r.Found, r.Count)
	r, _ = breach.Check(context.Background(), "correct horse battery staple")
	fmt.Println(r.Found, r.Count)

	body, _ := s.AppendRange(nil, 0x5BAA6, 0, pwned.DefaultRand)
	fmt.Printf("%q\n", body)
	// Output:
	// true 9545824
	// false 0
	// "1E4C9B93F3F0682250B6CF8331B7EE68FD8:9545824\r\nDEADBEEF0000000000000000000000000AA:3"
}
