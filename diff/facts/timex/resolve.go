package timex

import (
	"strconv"
	"strings"
	"time"
)

// Date arithmetic and TIMEX3 value formatting. All dates are calendar days
// at midnight UTC so that adding days never crosses a DST boundary.

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func fmtDay(t time.Time) string { return t.Format("2006-01-02") }

func fmtMonth(y, m int) string { return pad4(y) + "-" + pad2(m) }

func fmtYear(y int) string { return pad4(y) }

func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return pad4(y) + "-W" + pad2(w)
}

func fmtQuarter(y, q int) string { return pad4(y) + "-Q" + strconv.Itoa(q) }

func pad2(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func pad4(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// quarterOf returns the quarter (1-4) of month m.
func quarterOf(m int) int { return (m-1)/3 + 1 }

// seasonOf returns the season code of month m (northern hemisphere).
func seasonOf(m int) string {
	switch m {
	case 3, 4, 5:
		return "SP"
	case 6, 7, 8:
		return "SU"
	case 9, 10, 11:
		return "FA"
	}
	return "WI"
}

var seasonIndex = map[string]int{"SP": 1, "SU": 2, "FA": 3, "WI": 4}

// shift moves day t by n units (unit as in the lexicon). Fractions of a
// year or month are applied in months or days.
func shift(t time.Time, unit string, n float64) time.Time {
	whole := int(n)
	frac := n - float64(whole)
	switch unit {
	case "Y":
		return t.AddDate(whole, int(frac*12+0.5*sign(frac)), 0)
	case "M":
		return t.AddDate(0, whole, int(frac*30))
	case "W":
		return t.AddDate(0, 0, int(n*7))
	case "D":
		return t.AddDate(0, 0, whole)
	case "Q":
		return t.AddDate(0, 3*whole, 0)
	case "HY":
		return t.AddDate(0, 6*whole, 0)
	case "DE":
		return t.AddDate(10*whole, 0, 0)
	case "CE":
		return t.AddDate(100*whole, 0, 0)
	case "ML":
		return t.AddDate(1000*whole, 0, 0)
	case "WE":
		return t.AddDate(0, 0, 7*whole)
	case "H":
		return t.Add(time.Duration(n * float64(time.Hour)))
	case "MIN":
		return t.Add(time.Duration(n * float64(time.Minute)))
	case "S":
		return t.Add(time.Duration(n * float64(time.Second)))
	}
	return t
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// fmtAt formats t at the granularity of unit.
func fmtAt(t time.Time, unit string) string {
	switch unit {
	case "Y":
		return fmtYear(t.Year())
	case "M":
		return fmtMonth(t.Year(), int(t.Month()))
	case "W":
		return fmtWeek(t)
	case "WE":
		return fmtWeek(t) + "-WE"
	case "Q":
		return fmtQuarter(t.Year(), quarterOf(int(t.Month())))
	case "HY":
		return fmtYear(t.Year()) + "-H" + strconv.Itoa((int(t.Month())-1)/6+1)
	case "DE":
		return pad4(t.Year())[:3]
	case "CE":
		return pad4(t.Year())[:2]
	case "ML":
		return pad4(t.Year())[:1]
	case "H":
		return fmtDay(t) + "T" + pad2(t.Hour())
	case "MIN", "S":
		return fmtDay(t) + "T" + pad2(t.Hour()) + ":" + pad2(t.Minute())
	}
	return fmtDay(t)
}

// fmtNum formats a duration amount: integers plainly, fractions with a
// point, and an unknown amount as X.
func fmtNum(n float64, vague bool) string {
	if vague {
		return "X"
	}
	if n == float64(int64(n)) {
		return strconv.FormatInt(int64(n), 10)
	}
	return strings.TrimRight(strconv.FormatFloat(n, 'f', 2, 64), "0")
}

// durValue is the TIMEX3 duration value of n units.
func durValue(n float64, vague bool, unit string) string {
	num := fmtNum(n, vague)
	switch unit {
	case "H":
		if !vague && n != float64(int64(n)) {
			// "5 1/2 hours" = PT5H30M.
			h := int64(n)
			m := int64((n-float64(h))*60 + 0.5)
			if h == 0 {
				return "PT" + strconv.FormatInt(m, 10) + "M"
			}
			return "PT" + strconv.FormatInt(h, 10) + "H" + strconv.FormatInt(m, 10) + "M"
		}
		return "PT" + num + "H"
	case "MIN":
		return "PT" + num + "M"
	case "S":
		return "PT" + num + "S"
	case "HY":
		if vague {
			return "PXM"
		}
		return "P" + fmtNum(n*6, false) + "M"
	case "Q":
		if vague {
			return "PXQ"
		}
		return "P" + fmtNum(n*3, false) + "M"
	case "DE":
		if vague {
			return "PXDE"
		}
		return "P" + fmtNum(n*10, false) + "Y"
	case "CE":
		if vague {
			return "PXC"
		}
		return "P" + fmtNum(n*100, false) + "Y"
	}
	return "P" + num + unit
}

// nthWeekday returns the n-th weekday wd (time.Weekday) of month m in year
// y; n = -1 means the last one.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	if n < 0 {
		t := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
		for t.Weekday() != wd {
			t = t.AddDate(0, 0, -1)
		}
		return t
	}
	t := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	for t.Weekday() != wd {
		t = t.AddDate(0, 0, 1)
	}
	return t.AddDate(0, 0, 7*(n-1))
}

// easter returns Easter Sunday of year y (anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// holidayDate resolves a holiday key of the lexicon in year y.
func holidayDate(key string, y int) (time.Time, bool) {
	switch key {
	case "easter":
		return easter(y), true
	case "thanksgiving":
		return nthWeekday(y, time.November, time.Thursday, 4), true
	case "laborday":
		return nthWeekday(y, time.September, time.Monday, 1), true
	case "memorialday":
		return nthWeekday(y, time.May, time.Monday, -1), true
	}
	if len(key) == 5 && key[2] == '-' {
		m, err1 := strconv.Atoi(key[:2])
		d, err2 := strconv.Atoi(key[3:])
		if err1 == nil && err2 == nil {
			return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}
