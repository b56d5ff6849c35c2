package hibp_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/passmeter/passmeter/core/hibp"
)

func ExampleHash() {
	prefix, suffix := hibp.Hash("password")
	fmt.Println(prefix)
	fmt.Println(suffix)
	// Output:
	// 5BAA6
	// 1E4C9B93F3F0682250B6CF8331B7EE68FD8
}

func ExampleFindSuffix() {
	// The body the range API returns for GET /5BAA6 (abridged), with a
	// padding line (count 0).
	body := "1E2AAA439972480CEC7F16C795BBB429372:1\r\n" +
		"1E3687A61BFCE35F69B7408158101C8E414:0\r\n" +
		"1E4C9B93F3F0682250B6CF8331B7EE68FD8:10434004\r\n"

	_, suffix := hibp.Hash("password")
	count, found, err := hibp.FindSuffix(strings.NewReader(body), suffix)
	if err != nil {
		fmt.Println("unavailable:", err)
		return
	}
	fmt.Println(found, count)
	// Output: true 10434004
}

func ExampleClient_Check() {
	// A local stand-in for https://api.pwnedpasswords.com/range.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("request:", r.URL.Path, "padding:", r.Header.Get("Add-Padding"))
		fmt.Fprint(w, "1E4C9B93F3F0682250B6CF8331B7EE68FD8:10434004\r\n")
	}))
	defer srv.Close()

	c := &hibp.Client{Endpoint: srv.URL}
	for i := 0; i < 2; i++ {
		res, err := c.Check(context.Background(), "password")
		if err != nil {
			fmt.Println("breach check unavailable:", err)
			continue
		}
		fmt.Printf("found=%v count=%d cached=%v\n", res.Found, res.Count, res.Cached)
	}
	// Output:
	// request: /5BAA6 padding: true
	// found=true count=10434004 cached=false
	// found=true count=10434004 cached=true
}
