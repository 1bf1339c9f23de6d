// Aligns stdin with the text/tabwriter settings of kubectl's describe (tabbedString in
// k8s.io/kubectl/pkg/describe): minwidth 0, tabwidth 8, padding 2, padded with spaces.
package main

import (
	"io"
	"os"
	"text/tabwriter"
)

func main() {
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	if _, err := io.Copy(w, os.Stdin); err != nil {
		panic(err)
	}
	if err := w.Flush(); err != nil {
		panic(err)
	}
}
