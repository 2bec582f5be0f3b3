package dev.archon.vector.crawl;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

/**
 * HttpClient's name resolution for the crawler, through the SSRF guard: a connection goes
 * to the addresses that the guard resolved and checked in the same lookup, never to those
 * of a second lookup that a rebinding name server could answer differently. HttpClient
 * connects to what this resolver gives without resolving again, and keeps the name for
 * the Host header and for TLS (SNI and certificate verification).
 */
final class GuardedDnsResolver implements DnsResolver {

	private final UrlGuard guard;

	GuardedDnsResolver(UrlGuard guard) {
		this.guard = guard;
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		return Arrays.stream(this.guard.resolve(host, port))
			.map((address) -> new InetSocketAddress(address, port))
			.toList();
	}

	/**
	 * HttpClient resolves a connection's host together with its port, which decides
	 * whether an allowed {@code host:port} applies; a host alone cannot be judged.
	 */
	@Override
	public InetAddress[] resolve(String host) {
		throw new UnsupportedOperationException("The crawler resolves a host only with the port it connects to");
	}

	/**
	 * Only Kerberos and SPNEGO authentication ask for a canonical name, and the crawler
	 * authenticates nowhere: the name is kept as it is rather than looked up.
	 */
	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

}
