package dev.archon.vector.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The addresses of this host's own network interfaces. A crawl that reached one of them
 * would reach every port the host listens on, whatever range the address is in, so the
 * guard refuses them too. They change rarely (a new container network, a DHCP lease), so
 * they are read again only when the last reading is older than a set age.
 */
class OwnAddresses {

	private final Source source;

	private final InstantSource clock;

	private final Duration maxAge;

	private volatile @Nullable Reading reading;

	OwnAddresses(Source source, InstantSource clock, Duration maxAge) {
		this.source = source;
		this.clock = clock;
		this.maxAge = maxAge;
	}

	static OwnAddresses ofNetworkInterfaces() {
		return new OwnAddresses(OwnAddresses::readNetworkInterfaces, InstantSource.system(), Duration.ofMinutes(1));
	}

	/**
	 * Whether an address is one of this host's.
	 * @param address the address
	 * @return whether it is
	 * @throws UncheckedIOException when the interfaces cannot be read: the guard must
	 * then refuse rather than guess
	 */
	boolean contains(InetAddress address) {
		return current().contains(withoutScope(address));
	}

	private Set<InetAddress> current() {
		Reading reading = this.reading;
		if (reading != null && !reading.olderThan(this.maxAge, this.clock.instant())) {
			return reading.addresses();
		}
		synchronized (this) {
			reading = this.reading;
			Instant now = this.clock.instant();
			if (reading == null || reading.olderThan(this.maxAge, now)) {
				Set<InetAddress> addresses;
				try {
					addresses = this.source.read()
						.stream()
						.map(OwnAddresses::withoutScope)
						.collect(Collectors.toUnmodifiableSet());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				reading = new Reading(addresses, now);
				this.reading = reading;
			}
			return reading.addresses();
		}
	}

	/**
	 * The address alone, without the scope of an IPv6 link-local address, and with an
	 * IPv4-mapped IPv6 address as the IPv4 address it maps, so that equal addresses are
	 * equal objects.
	 */
	private static InetAddress withoutScope(InetAddress address) {
		try {
			return InetAddress.getByAddress(address.getAddress());
		}
		catch (UnknownHostException ex) {
			// Only thrown for an array of the wrong length, which getAddress() never
			// gives.
			throw new IllegalStateException(ex);
		}
	}

	private static Set<InetAddress> readNetworkInterfaces() throws IOException {
		// Every interface, also those that are down: one may come up before the next
		// reading.
		return NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Where this host's addresses come from.
	 */
	@FunctionalInterface
	interface Source {

		Set<InetAddress> read() throws IOException;

	}

	private record Reading(Set<InetAddress> addresses, Instant readAt) {

		boolean olderThan(Duration age, Instant now) {
			return this.readAt.plus(age).isBefore(now);
		}

	}

}
