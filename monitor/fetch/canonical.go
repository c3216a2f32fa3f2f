package fetch

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query keys that only say how a reader arrived, never
// which page they reached. Keys starting with "utm_" are dropped as well.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "mc_cid": true, "mc_eid": true, "ocid": true,
	"cmpid": true, "at_medium": true, "at_campaign": true, "ref": true, "smid": true,
}

// Canonicalize normalises an article URL so that links differing only in
// tracking parameters, case of scheme/host, default port, fragment or
// credentials map to one string. Remaining query parameters are sorted by key (keeping their
// original encoding); the path is kept as is, except that an empty path
// becomes "/". Only absolute http and https URLs are accepted.
func Canonicalize(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonicalize %s: %w", Redact(raw), err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("canonicalize %s: %w %q", Redact(raw), ErrScheme, u.Scheme)
	}
	if u.Opaque != "" || u.Host == "" {
		return "", fmt.Errorf("canonicalize %s: not an absolute URL", Redact(raw))
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimRight(host, ".") // "example.com." is example.com; ".." is no host
	if host == "" {
		return "", fmt.Errorf("canonicalize %s: empty host", Redact(raw))
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	// user:password@ names no page, and the canonical URL is shown
	// everywhere (articles, JSON, alerts, the web view): it must not carry
	// a secret. The page is still fetched by the item's own link.
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	u.RawQuery = canonicalQuery(u.RawQuery)
	u.ForceQuery = false
	return u.String(), nil
}

// canonicalQuery drops tracking parameters and sorts the rest by key. It
// works on the raw pairs so that encodings the server cares about survive.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	type pair struct{ key, raw string }
	var kept []pair
	for part := range strings.SplitSeq(raw, "&") {
		// url.Parse tolerates raw spaces in queries; encode them so the
		// result survives TrimSpace and parsing again unchanged.
		part = strings.ReplaceAll(part, " ", "%20")
		if part == "" {
			continue
		}
		k, _, _ := strings.Cut(part, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			key = k
		}
		lk := strings.ToLower(key)
		if trackingParams[lk] || strings.HasPrefix(lk, "utm_") {
			continue
		}
		kept = append(kept, pair{key: key, raw: part})
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].key < kept[j].key })
	parts := make([]string, len(kept))
	for i, p := range kept {
		parts[i] = p.raw
	}
	return strings.Join(parts, "&")
}
