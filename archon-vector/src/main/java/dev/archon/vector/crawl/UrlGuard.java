package dev.archon.vector.crawl;

import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSRF guard: a crawl may fetch only http and https URLs whose host is, or resolves
 * only to, globally reachable addresses that are not this host's own, unless the host (or
 * host:port) is explicitly allowed. Every redirect hop is checked again, and the
 * addresses a connection goes to are the ones that were checked (see
 * {@link #resolve(String, int)}).
 * <p>
 * "Globally reachable" follows the IANA special-purpose address registries for IPv4 and
 * IPv6. IPv6 addresses that carry an IPv4 address the network may deliver to
 * (IPv4-mapped, NAT64 and 6to4) are judged by that IPv4 address.
 * <p>
 * A refusal names the host as the caller gave it and never the address it resolved to:
 * the reason reaches the caller, and naming the address would make the guard a DNS lookup
 * service for names only the server can resolve. For the same reason a name that does not
 * resolve is refused with the same words as one that resolves to an internal address.
 */
class UrlGuard {

	private static final Logger logger = LoggerFactory.getLogger(UrlGuard.class);

	private static final String ALLOW_HINT = " (allow it with archon.vector.crawl.allowed-hosts)";

	/**
	 * IPv4 ranges that are not globally reachable. Stricter than the registry in two
	 * places, since neither serves web pages: the anycast addresses inside 192.0.0.0/24
	 * and the deprecated 6to4 relay range 192.88.99.0/24 are refused whole. Multicast and
	 * the reserved 240.0.0.0/4 (with the broadcast address 255.255.255.255) are not
	 * unicast destinations at all.
	 */
	private static final List<Block> IPV4_NOT_GLOBAL = Block.all("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
			"127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
			"192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

	private static final Block IPV6_GLOBAL_UNICAST = Block.of("2000::/3");

	/**
	 * ::ffff:0:0/96, written out because the JDK parses this literal as the IPv4 address
	 * 0.0.0.0.
	 */
	private static final Block IPV4_MAPPED = new Block(
			new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0 }, 96);

	private static final Block NAT64 = Block.of("64:ff9b::/96");

	private static final Block SIX_TO_FOUR = Block.of("2002::/16");

	/**
	 * The ranges inside 2000::/3 that are not globally reachable. 2001::/23 is refused
	 * whole, Teredo (2001::/32) with it: its few globally reachable exceptions are
	 * anycast service addresses and identifiers, none of which serves web pages.
	 */
	private static final List<Block> IPV6_GLOBAL_UNICAST_NOT_GLOBAL = Block.all("2001::/23", "2001:db8::/32",
			"3fff::/20");

	private final Set<String> allowedHosts;

	private final OwnAddresses ownAddresses;

	private final Resolver resolver;

	UrlGuard(List<String> allowedHosts) {
		this(allowedHosts, OwnAddresses.ofNetworkInterfaces());
	}

	UrlGuard(List<String> allowedHosts, OwnAddresses ownAddresses) {
		this(allowedHosts, ownAddresses, InetAddress::getAllByName);
	}

	UrlGuard(List<String> allowedHosts, OwnAddresses ownAddresses, Resolver resolver) {
		this.allowedHosts = allowedHosts.stream()
			.map((host) -> host.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.ownAddresses = ownAddresses;
		this.resolver = resolver;
	}

	/**
	 * Checks a URL before anything is fetched, so that a caller learns at once that it is
	 * refused. The decision that protects the network is taken again, on the addresses
	 * connected to, by {@link #resolve(String, int)}.
	 * @param uri the URL
	 * @throws UrlRefused when the crawler must not fetch it
	 */
	void check(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new UrlRefused(uri, "only http and https URLs are crawled");
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw new UrlRefused(uri, "the URL has no host");
		}
		host = host.toLowerCase(Locale.ROOT);
		int port = (uri.getPort() != -1) ? uri.getPort() : (scheme.equals("https") ? 443 : 80);
		if (!allowedHost(host, port)) {
			checkedAddresses(host, uri.toString());
		}
	}

	/**
	 * Resolves a host for a connection, once, and gives its addresses only when every one
	 * may be connected to. The connection must go to exactly these addresses: a name
	 * resolved again could answer differently the second time (DNS rebinding) and lead
	 * the crawler to an address that no one checked.
	 * @param host the host, as a name or an IP literal (IPv6 with or without brackets)
	 * @param port the port connected to, which decides whether a {@code host:port} is
	 * allowed
	 * @return the addresses to connect to
	 * @throws UnknownHostException when an allowed host does not resolve
	 * @throws UrlRefused when the host may not be connected to
	 */
	InetAddress[] resolve(String host, int port) throws UnknownHostException {
		String name = host.toLowerCase(Locale.ROOT);
		// HttpClient names an IPv6 literal without the brackets that a URI and the
		// allowed hosts write around it.
		if (name.indexOf(':') != -1 && !name.startsWith("[")) {
			name = "[" + name + "]";
		}
		if (allowedHost(name, port)) {
			return this.resolver.resolve(name);
		}
		return checkedAddresses(name, name + ":" + port);
	}

	private boolean allowedHost(String host, int port) {
		return this.allowedHosts.contains(host) || this.allowedHosts.contains(host + ":" + port);
	}

	private InetAddress[] checkedAddresses(String host, String subject) {
		InetAddress[] addresses;
		try {
			// An IP literal is parsed without a lookup.
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			addresses = new InetAddress[0];
		}
		if (addresses.length > 0 && Arrays.stream(addresses).allMatch((address) -> allowed(host, address))) {
			return addresses;
		}
		if (literal(host)) {
			throw new UrlRefused(subject, "its host is not a public address" + ALLOW_HINT);
		}
		throw new UrlRefused(subject, "its host " + host + " does not resolve to public addresses only" + ALLOW_HINT);
	}

	/**
	 * Whether a host is written as an IP address, which only decides the words of a
	 * refusal. URI gives IPv6 literals in brackets, and the JDK takes a host of digits
	 * and dots for an IPv4 literal.
	 */
	private static boolean literal(String host) {
		return host.startsWith("[") || host.chars().allMatch((c) -> c == '.' || Character.isDigit(c));
	}

	private boolean allowed(String host, InetAddress address) {
		if (!globallyReachable(address)) {
			return false;
		}
		try {
			return !this.ownAddresses.contains(address) && !ownEmbedded(address);
		}
		catch (UncheckedIOException ex) {
			// Without this host's addresses no address can be judged: refuse until they
			// can be read again.
			logger.warn("Refusing {}: this host's network interfaces cannot be read ({})", host,
					ex.getCause().getMessage());
			return false;
		}
	}

	private boolean ownEmbedded(InetAddress address) {
		Inet4Address embedded = embeddedIpv4(address);
		return embedded != null && this.ownAddresses.contains(embedded);
	}

	/**
	 * Whether an address is globally reachable per the IANA special-purpose address
	 * registries.
	 */
	private static boolean globallyReachable(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			return IPV4_NOT_GLOBAL.stream().noneMatch((block) -> block.contains(bytes));
		}
		Inet4Address embedded = embeddedIpv4(address);
		if (embedded != null) {
			return globallyReachable(embedded);
		}
		// Outside 2000::/3 there is nothing globally reachable but the two translation
		// ranges above: the rest is loopback, unspecified, the deprecated IPv4-compatible
		// ::/96, local-use NAT64 64:ff9b:1::/48, discard-only, unique-local, link-local,
		// site-local, multicast or reserved.
		return IPV6_GLOBAL_UNICAST.contains(bytes)
				&& IPV6_GLOBAL_UNICAST_NOT_GLOBAL.stream().noneMatch((block) -> block.contains(bytes));
	}

	/**
	 * The IPv4 address an IPv6 address delivers to: IPv4-mapped ::ffff:a.b.c.d (which the
	 * JDK usually turns into an IPv4 address already), NAT64 64:ff9b::a.b.c.d and 6to4
	 * 2002:aabb:ccdd::/48.
	 */
	private static @Nullable Inet4Address embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return null;
		}
		byte[] bytes = address.getAddress();
		if (IPV4_MAPPED.contains(bytes) || NAT64.contains(bytes)) {
			return ipv4(Arrays.copyOfRange(bytes, 12, 16));
		}
		if (SIX_TO_FOUR.contains(bytes)) {
			return ipv4(Arrays.copyOfRange(bytes, 2, 6));
		}
		return null;
	}

	private static Inet4Address ipv4(byte[] bytes) {
		try {
			return (Inet4Address) InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			// Only thrown for an array of the wrong length.
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Where the addresses of a host come from: the system's resolver, or in a test one
	 * that answers as a rebinding name server would.
	 */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/**
	 * An address range in CIDR notation.
	 */
	private record Block(byte[] prefix, int bits) {

		static Block of(String cidr) {
			int slash = cidr.indexOf('/');
			try {
				// A literal, so no lookup.
				return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
						Integer.parseInt(cidr.substring(slash + 1)));
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException(cidr + " is not an address range", ex);
			}
		}

		static List<Block> all(String... cidrs) {
			return Arrays.stream(cidrs).map(Block::of).toList();
		}

		boolean contains(byte[] address) {
			if (address.length != this.prefix.length) {
				return false;
			}
			int whole = this.bits / 8;
			for (int i = 0; i < whole; i++) {
				if (address[i] != this.prefix[i]) {
					return false;
				}
			}
			int rest = this.bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (address[whole] & mask) == (this.prefix[whole] & mask);
		}

	}

}
