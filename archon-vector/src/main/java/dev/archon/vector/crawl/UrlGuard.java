package dev.archon.vector.crawl;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SSRF guard: a crawl may fetch only http and https URLs whose host resolves to
 * public addresses, unless the host (or host:port) is explicitly allowed. Loopback,
 * link-local (cloud metadata lives at 169.254.169.254), private, unique-local, wildcard
 * and multicast addresses are refused. Every redirect hop is checked again.
 */
public class UrlGuard {

	private final Set<String> allowedHosts;

	public UrlGuard(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts.stream()
			.map((host) -> host.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Checks a URL.
	 * @param uri the URL
	 * @throws UrlRefused when the crawler must not fetch it
	 */
	public void check(URI uri) {
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
		if (this.allowedHosts.contains(host) || this.allowedHosts.contains(host + ":" + port)) {
			return;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new UrlRefused(uri, "its host does not resolve");
		}
		for (InetAddress address : addresses) {
			if (internal(address)) {
				throw new UrlRefused(uri, "its host resolves to the internal address " + address.getHostAddress()
						+ " (allow it with archon.vector.crawl.allowed-hosts)");
			}
		}
	}

	private static boolean internal(InetAddress address) {
		byte[] bytes = address.getAddress();
		boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
		boolean sharedAddressSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
		return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedAddressSpace;
	}

}
