package facts

import (
	"os"
	"testing"
)

func TestDbgPair(t *testing.T) {
	name := os.Getenv("PAIR")
	if name == "" {
		t.Skip()
	}
	p, err := LoadDevPair("testdata/devset/" + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, side := range []string{p.Old, p.New} {
		t.Log("-----")
		for _, f := range Extract(side, p.Published) {
			t.Logf("%-8s %-40q %-50q %q", f.Kind, f.Text, f.Value, f.Subject)
		}
	}
	for _, c := range Compare(p.Old, p.New, p.Published) {
		t.Logf("CHANGE %s %q -> %q %q | %q %q", c.Kind, c.Before, c.After, c.Detail, c.BeforeValue, c.AfterValue)
	}
}
