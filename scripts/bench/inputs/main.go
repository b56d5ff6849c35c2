// Command inputs writes the passwords make bench measures, as JSON, so that
// passmeter, zxcvbn.js and the Go peers all score the same strings.
//
//	go run ./scripts/bench/inputs -o .bench/inputs.json
//
// The output is deterministic: the same generator always writes the same
// file. It has two parts:
//   - cases: one password per (category, length), for lengths 8 to 4,096:
//     random printable ASCII, alphanumerics, digits, repeats, keyboard
//     walks, l33t-dense symbols, a repeated word and a repeated date;
//   - typical: a few hundred realistic passwords of at most 32 characters
//     (common passwords, words with digits, capitals and years, l33t,
//     names with dates, keyboard patterns, passphrases, random ones).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"unicode"

	"github.com/passmeter/passmeter/core/zxcvbn/data"
	mt "github.com/passmeter/passmeter/scripts/bench/measure"
)

// Lengths are the password lengths of the category cases.
var Lengths = []int{8, 16, 32, 100, 256, 1000, 4096}

// Categories, in report order, with what each one stresses.
var Categories = []string{
	"random",   // printable ASCII: bruteforce, many short spurious matches
	"alnum",    // a-z0-9: dictionary and l33t lookups at every position
	"digits",   // 0-9: dates, sequences and years everywhere
	"repeat",   // "aaaa…": one repeat covering everything
	"repeat3",  // "abcabc…": repeats of a sequence
	"walk",     // "qwertyuiop" repeated: spatial straight run
	"walkturn", // a zig-zag keyboard walk with a turn at almost every key
	"l33t",     // only l33t characters: the l33t substitution search
	"words",    // "password" repeated: dictionary matches everywhere
	"dates",    // "19/04/1987" repeated: date matching
}

const printable = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"

func casePassword(cat string, n int, r *rand.Rand) string {
	rnd := func(alpha string) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alpha[r.IntN(len(alpha))]
		}
		return string(b)
	}
	rep := func(s string) string { return strings.Repeat(s, n/len(s)+1)[:n] }
	switch cat {
	case "random":
		return rnd(printable)
	case "alnum":
		return rnd("abcdefghijklmnopqrstuvwxyz0123456789")
	case "digits":
		return rnd("0123456789")
	case "repeat":
		return rep("a")
	case "repeat3":
		return rep("abc")
	case "walk":
		return rep("qwertyuiop")
	case "walkturn":
		// Every step is to a neighbouring key on a US qwerty keyboard,
		// zig-zagging between rows, there and back.
		return rep("zaq12wsxcde34rfvbgt56yhnmju78ik,.lo90p;/;p09ol.,ki87ujmnhy65tgbvfr43edcxsw21qaz")
	case "l33t":
		return rnd("4@8({[<3691!|70$5+%2")
	case "words":
		return rep("password")
	case "dates":
		return rep("19/04/1987")
	}
	panic("unknown category " + cat)
}

// list returns the first n words of a zxcvbn frequency list that satisfy ok.
func list(name string, n int, ok func(string) bool) []string {
	for i, ln := range data.ListNames {
		if ln != name {
			continue
		}
		var out []string
		for _, w := range strings.Fields(data.Lists[i]) {
			if w != "" && ok(w) {
				out = append(out, w)
				if len(out) == n {
					break
				}
			}
		}
		return out
	}
	panic("unknown list " + name)
}

func letters(min, max int) func(string) bool {
	return func(w string) bool {
		if len(w) < min || len(w) > max {
			return false
		}
		for _, c := range w {
			if c < 'a' || c > 'z' {
				return false
			}
		}
		return true
	}
}

var classics = []string{
	"password", "Tr0ub4dour&3", "correct horse battery staple", "qwerty123", "iloveyou2019",
	"P@ssw0rd!", "dragon1987", "john.smith1990", "zxcvbnm,./", "letmein", "Summer2024!",
	"aaaaaa", "abc123abc123", "123456", "1q2w3e4r", "monkey", "trustno1", "Passw0rd",
	"coRrecth0rseba++ery9.23.2007staple$", // longer than 32: dropped below
}

var walks = []string{
	"qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm", "1qaz2wsx", "qazwsx",
	"123qwe", "qwe123", "!QAZ2wsx", "1q2w3e4r5t", "1q2w3e", "zaq12wsx", "poiuytrewq", "mnbvcxz",
	"qweasdzxc", "asdfjkl;", "zaq1xsw2", "1qazxsw2", "147258369", "741852963", "159753", "qwertz",
	"azerty", "7894561230", "!@#$%^&*", "1234qwer", "qazxswedc", "ytrewq",
}

var symbols = "!@#$%&*?._-"

func capitalize(w string) string {
	if w == "" {
		return w
	}
	return string(unicode.ToUpper(rune(w[0]))) + w[1:]
}

func leet(w string, r *rand.Rand) string {
	subs := map[byte][]string{'a': {"4", "@"}, 'e': {"3"}, 'i': {"1", "!"}, 'o': {"0"}, 's': {"$", "5"}, 't': {"7", "+"}, 'l': {"1"}, 'g': {"9"}, 'b': {"8"}}
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if s, ok := subs[w[i]]; ok && r.IntN(100) < 60 {
			b.WriteString(s[r.IntN(len(s))])
		} else {
			b.WriteByte(w[i])
		}
	}
	return b.String()
}

func pick(r *rand.Rand, ws []string) string { return ws[r.IntN(len(ws))] }

func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

func date(r *rand.Rand) string {
	d, m, y := 1+r.IntN(28), 1+r.IntN(12), 1950+r.IntN(76)
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("%02d%02d", d, m)
	case 1:
		return fmt.Sprintf("%02d%02d%d", m, d, y)
	case 2:
		return fmt.Sprintf("%d", y)
	case 3:
		return fmt.Sprintf("%02d.%02d.%02d", d, m, y%100)
	case 4:
		return fmt.Sprintf("%d-%02d-%02d", y, m, d)
	default:
		return fmt.Sprintf("%02d", y%100)
	}
}

// typical generates n realistic passwords of at most 32 characters.
func typical(n int) []string {
	r := rand.New(rand.NewPCG(0x7a786376, 0x626e3434))
	common := list("passwords", 500, func(w string) bool { return len(w) >= 4 })
	pwWords := list("passwords", 3000, letters(4, 10))
	english := list("english_wikipedia", 5000, letters(3, 9))
	names := append(list("female_names", 300, letters(3, 9)), list("male_names", 300, letters(3, 9))...)
	surnames := list("surnames", 300, letters(3, 10))
	tv := list("us_tv_and_film", 1000, letters(4, 10))
	wordsTV := append(append([]string{}, pwWords[:1000]...), tv...)
	wordsEnglish := append(append([]string{}, pwWords...), english[:2000]...)

	gens := []struct {
		weight int
		gen    func() string
	}{
		{10, func() string { return pick(r, common) }},
		{12, func() string { // word + digits, sometimes capitalized
			w := pick(r, wordsTV)
			if r.IntN(3) == 0 {
				w = capitalize(w)
			}
			return w + digits(r, 1+r.IntN(4))
		}},
		{12, func() string { // Capital word + year + symbol
			return capitalize(pick(r, english)) + fmt.Sprint(1950+r.IntN(76)) + string(symbols[r.IntN(len(symbols))])
		}},
		{10, func() string { // l33t, maybe with digits or a symbol
			w := leet(pick(r, wordsEnglish), r)
			switch r.IntN(3) {
			case 0:
				w = capitalize(w)
			case 1:
				w += digits(r, 1+r.IntN(3))
			}
			if r.IntN(2) == 0 {
				w += string(symbols[r.IntN(len(symbols))])
			}
			return w
		}},
		{10, func() string { // name + date, or name.surname + year
			if r.IntN(2) == 0 {
				return pick(r, names) + []string{"", "_", "."}[r.IntN(3)] + date(r)
			}
			return pick(r, names) + []string{"", "_", "."}[r.IntN(3)] + pick(r, surnames) + fmt.Sprint(1950+r.IntN(76))
		}},
		{10, func() string { // keyboard pattern, with digits or a word
			w := pick(r, walks)
			switch r.IntN(4) {
			case 0:
				w += digits(r, 1+r.IntN(4))
			case 1:
				w = pick(r, pwWords) + w
			case 2:
				w = capitalize(w) + string(symbols[r.IntN(len(symbols))])
			}
			return w
		}},
		{14, func() string { // passphrase of 2 to 5 words
			k := 2 + r.IntN(4)
			ws := make([]string, k)
			for i := range ws {
				ws[i] = pick(r, english[:3000])
			}
			switch r.IntN(5) {
			case 0:
				return strings.Join(ws, " ")
			case 1:
				return strings.Join(ws, "-")
			case 2:
				return strings.Join(ws, "")
			case 3:
				for i := range ws {
					ws[i] = capitalize(ws[i])
				}
				return strings.Join(ws, "") + digits(r, r.IntN(3))
			default:
				return strings.Join(ws, ".")
			}
		}},
		{8, func() string { // random strong password
			b := make([]byte, 8+r.IntN(13))
			for i := range b {
				b[i] = printable[r.IntN(len(printable))]
			}
			return string(b)
		}},
		{7, func() string { // two words and a digit or symbol
			return pick(r, english[:3000]) + pick(r, tv) + []string{"1", "!", "123", "", "69", "7"}[r.IntN(6)]
		}},
		{7, func() string { // repeats and sequences
			switch r.IntN(5) {
			case 0:
				return strings.Repeat(pick(r, []string{"a", "1", "x", "ab", "abc", "123", "qwe", "lol"}), 2+r.IntN(4))
			case 1:
				return "abcdefghijklmnopqrstuvwxyz"[:4+r.IntN(8)] + digits(r, r.IntN(4))
			case 2:
				return "9876543210"[r.IntN(3):] + pick(r, english[:500])
			case 3:
				return pick(r, pwWords) + "123456789"[:3+r.IntN(6)]
			default:
				w := pick(r, pwWords)
				return w + w + digits(r, r.IntN(3))
			}
		}},
	}
	total := 0
	for _, g := range gens {
		total += g.weight
	}
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if p != "" && len(p) <= 32 && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range classics {
		add(p)
	}
	for len(out) < n {
		k := r.IntN(total)
		for _, g := range gens {
			if k < g.weight {
				add(g.gen())
				break
			}
			k -= g.weight
		}
	}
	return out
}

func main() {
	out := flag.String("o", "-", "output file (- for standard output)")
	n := flag.Int("typical", 300, "number of typical passwords")
	flag.Parse()

	in := mt.Inputs{Lengths: Lengths, Categories: Categories, Typical: typical(*n)}
	for _, cat := range Categories {
		for _, l := range Lengths {
			r := rand.New(rand.NewPCG(uint64(l), uint64(len(cat))<<32|uint64(cat[0])))
			in.Cases = append(in.Cases, mt.Case{Category: cat, Length: l, Password: casePassword(cat, l, r)})
		}
	}
	b, err := json.MarshalIndent(in, "", " ")
	if err != nil {
		panic(err)
	}
	b = append(b, '\n')
	if *out == "-" {
		_, err = os.Stdout.Write(b)
	} else {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "inputs:", err)
		os.Exit(1)
	}
}
