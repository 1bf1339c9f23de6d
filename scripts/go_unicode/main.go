// Prints the tables of src/render/_go_unicode.ts: where Go's unicode.IsLetter and
// unicode.IsDigit hold from U+0080 on, as base-36 pairs (the gap since the previous range's end
// or U+0080, then the range's length less one). Run it with the Go that builds the kubectl
// hyperctl's YAML key order follows (`go run scripts/go_unicode/main.go`), and paste its output
// over LETTERS and DIGITS when that Go's unicode.Version changes.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

func table(holds func(rune) bool) string {
	var out []string
	next := rune(0x80)
	for c := rune(0x80); c <= unicode.MaxRune; c++ {
		if !holds(c) {
			continue
		}
		first := c
		for c+1 <= unicode.MaxRune && holds(c+1) {
			c++
		}
		out = append(out, strconv.FormatInt(int64(first-next), 36), strconv.FormatInt(int64(c-first), 36))
		next = c + 1
	}
	return strings.Join(out, " ")
}

func main() {
	fmt.Printf("// unicode.Version %s\n", unicode.Version)
	fmt.Printf("LETTERS = %q\n", table(unicode.IsLetter))
	fmt.Printf("DIGITS = %q\n", table(unicode.IsDigit))
}
