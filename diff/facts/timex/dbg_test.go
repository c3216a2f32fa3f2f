package timex
import ("testing";"time";"os")
func TestDbg(t *testing.T) {
	ref := time.Date(2025, 8, 19, 0, 0, 0, 0, time.UTC)
	for _, e := range Find(os.Getenv("DBG"), ref) { t.Logf("%q %s %s %s [%s %s]", e.Text, e.Type, e.Value, e.Mod, e.Begin, e.Until) }
}
