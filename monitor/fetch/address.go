package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// Extra ranges refused besides what netip's predicates cover.
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),         // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),     // carrier-grade NAT, often internal
	netip.MustParsePrefix("192.0.0.0/24"),      // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),     // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),       // reserved, includes broadcast
	netip.MustParsePrefix("fd00:ec2::254/128"), // AWS IMDS over IPv6 (also in fc00::/7)
	netip.MustParsePrefix("64:ff9b:1::/48"),    // local-use NAT64
}

// blockedAddr reports whether ip must not be dialed when private addresses
// are refused. 169.254.169.254 (cloud metadata) is link-local.
func blockedAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() {
		return true
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// dialControl returns a net.Dialer Control refusing the addresses blocked
// reports. It runs after DNS resolution, just before connect(2), so it sees
// the address really dialed: a hostname that resolves to 127.0.0.1, a DNS
// rebinding answer or a redirect to an internal host are all caught here.
func dialControl(blocked func(netip.Addr) bool) func(_, address string, _ syscall.RawConn) error {
	return func(_, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return fmt.Errorf("check address %q: %w", address, err)
		}
		ip, err := netip.ParseAddr(host)
		if err != nil {
			return fmt.Errorf("check address %q: %w", address, err)
		}
		if blocked(ip) {
			return fmt.Errorf("%s is not a public address (allow_private_addresses is off): %w", ip, ErrBlockedAddress)
		}
		return nil
	}
}
