// Command panics is the traceback strip's test program: it provokes the
// runtime's panics, recovers them and prints what it recovered, grows and
// scans stacks and runs goroutines, so that the stripped module can be
// run against the unstripped one (their output must be the same).
package main

import (
	"errors"
	"runtime"
	"strconv"
)

type value struct{ n int }

func (v value) Get() int { return v.n }

type getter interface{ Get() int }

type myErr struct{}

func (myErr) Error() string { return "my error" }

var sink []int

func try(name string, f func()) {
	defer func() {
		r := recover()
		switch r := r.(type) {
		case nil:
			println(name + ": no panic")
		case runtime.Error:
			println(name + ": " + r.Error())
		case error:
			println(name + ": error: " + r.Error())
		case string:
			println(name + ": string: " + r)
		default:
			println(name + ": other")
		}
	}()
	f()
}

// deep recurses with a frame full of pointers, so that stack growth and
// the collector both walk many frames.
func deep(n int, p *int) int {
	var local [8]*int
	for i := range local {
		local[i] = p
	}
	if n == 0 {
		runtime.GC()
		return *local[7]
	}
	return deep(n-1, local[n%8]) + 1
}

// notDirect calls recover from a function the deferred one calls, where it
// must return nil.
func notDirect() any { return recover() }

func deferLoop(n int) (s int) {
	for i := 0; i < n; i++ {
		defer func() { s += i }()
	}
	return 0
}

func main() {
	var nilMap map[string]int
	var nilPtr *value
	var g getter = nilPtr
	var iface any = "text"
	zero := 0
	xs := []int{1, 2, 3}
	try("index", func() { sink = append(sink, xs[len(xs)+zero]) })
	try("slice", func() { sink = xs[2 : zero+1] })
	try("nil map", func() { nilMap["a"] = 1 })
	try("nil pointer", func() { sink = append(sink, nilPtr.n) })
	try("divide", func() { sink = append(sink, 1/zero) })
	try("assertion", func() { sink = append(sink, iface.(int)) })
	try("nil pointer method wrapper", func() { sink = append(sink, g.Get()) })
	try("error", func() { panic(myErr{}) })
	try("wrapped", func() { panic(errors.Join(errors.New("a"), myErr{})) })
	try("string", func() { panic("boom") })
	try("nested", func() {
		defer func() { println("nested recover: " + strconv.Quote(panicText(recover()))) }()
		panic("inner")
	})
	try("not direct", func() {
		defer func() {
			if notDirect() == nil {
				println("not direct: recover in a callee gave nil")
			}
		}()
		panic("outer")
	})
	x := 41
	println("deep: " + strconv.Itoa(deep(10000, &x)))
	println("defer loop: " + strconv.Itoa(deferLoop(100)))
	done := make(chan int)
	for i := 0; i < 4; i++ {
		go func() {
			defer func() {
				if recover() != nil {
					done <- i
				}
			}()
			runtime.Gosched()
			sink = append(sink, xs[i+3])
		}()
	}
	sum := 0
	for i := 0; i < 4; i++ {
		sum += <-done
	}
	println("goroutines recovered: " + strconv.Itoa(sum))
	var frames [8]uintptr
	println("callers: " + strconv.Itoa(runtime.Callers(0, frames[:])))
}

func panicText(p any) string {
	if s, ok := p.(string); ok {
		return s
	}
	return "?"
}
