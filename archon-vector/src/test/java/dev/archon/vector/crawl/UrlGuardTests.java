package dev.archon.vector.crawl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Only IP literals and {@code localhost} are checked here, so that no test depends on DNS
 * or sends anything beyond this host.
 */
class UrlGuardTests {

	private final UrlGuard guard = new UrlGuard(List.of("allowed.localhost:8080"));

	static Stream<String> addressesThatAreNotGloballyReachable() throws SocketException {
		Stream<String> special = Stream.of("0.0.0.0", "0.1.2.3", "10.0.0.1", "100.64.0.1", "127.0.0.1",
				"169.254.169.254", "172.16.0.1", "192.0.0.1", "192.0.2.1", "192.168.1.1", "198.18.0.1", "198.51.100.1",
				"203.0.113.1", "224.0.0.1", "240.0.0.1", "255.255.255.255", "[::]", "[::1]", "[::127.0.0.1]",
				"[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "[64:ff9b::7f00:1]", "[64:ff9b::a00:1]", "[64:ff9b:1::1]",
				"[2002:7f00:1::]", "[2002:c0a8:101::1]", "[2001::1]", "[2001:db8::1]", "[fc00::1]", "[fd12::1]",
				"[fe80::1]", "[fec0::1]", "[ff02::1]");
		return Stream.concat(special, thisHostsOwnAddresses());
	}

	private static Stream<String> thisHostsOwnAddresses() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress())
			.map(UrlGuardTests::literal);
	}

	@ParameterizedTest
	@MethodSource("addressesThatAreNotGloballyReachable")
	void refusesAddressesThatAreNotGloballyReachable(String host) {
		assertThatExceptionOfType(UrlRefused.class)
			.isThrownBy(() -> this.guard.check(URI.create("http://" + host + "/")))
			.withMessageContaining("its host is not a public address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://2130706433/", "http://0x7f.1/", "http://127.1/", "http://017700000001/",
			"http://0x7f000001/" })
	void refusesNumericFormsOfLoopback(String url) {
		// The JDK reads some as 127.0.0.1 and others not at all; none may pass.
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> this.guard.check(URI.create(url)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1", "::ffff:127.0.0.1", "[::ffff:127.0.0.1]", "0.0.0.0", "10.1.2.3",
			"172.31.255.255", "192.168.0.1", "169.254.169.254", "fe80::1", "fd00::1", "2130706433" })
	void refusesToConnectToAddressesThatAreNotGloballyReachable(String host) {
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> this.guard.resolve(host, 80))
			.withMessageContaining("is refused: its host");
	}

	@Test
	void connectsToALeadingZeroAddressWhereTheJdkReadsItNotWhereABrowserWould() throws UnknownHostException {
		// A browser reads 0177 as octal 127; the JDK as decimal. Since the connection
		// goes
		// to the address the guard checked, the difference leads nowhere unchecked.
		UrlGuard guard = new UrlGuard(List.of(), ownAddresses(Set.of()));
		assertThat(guard.resolve("0177.0.0.1", 80)).containsExactly(InetAddress.getByName("177.0.0.1"));
	}

	@Test
	void connectsToAnAllowedIpv6LiteralThatHttpClientNamesWithoutBrackets() throws UnknownHostException {
		UrlGuard guard = new UrlGuard(List.of("[::1]:8080"));
		assertThat(guard.resolve("::1", 8080)).containsExactly(InetAddress.getByName("::1"));
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> guard.resolve("::1", 8081));
	}

	@Test
	void givesTheAddressesItCheckedToConnectTo() throws UnknownHostException {
		InetAddress[] answer = { InetAddress.getByName("93.184.215.14"), InetAddress.getByName("2606:2800:21f::1") };
		UrlGuard guard = new UrlGuard(List.of(), ownAddresses(Set.of()), (host) -> answer.clone());
		assertThat(guard.resolve("docs.example.com", 443)).containsExactly(answer);
	}

	@Test
	void refusesANameWhenAnyOfItsAddressesIsNotGloballyReachable() throws UnknownHostException {
		InetAddress[] answer = { InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.1") };
		UrlGuard guard = new UrlGuard(List.of(), ownAddresses(Set.of()), (host) -> answer.clone());
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> guard.resolve("docs.example.com", 443))
			.withMessage("docs.example.com:443 is refused: its host docs.example.com does not resolve to public "
					+ "addresses only (allow it with archon.vector.crawl.allowed-hosts)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "[2606:4700:4700::1111]", "[2002:0808:0808::1]",
			"[64:ff9b::808:808]", "[::ffff:8.8.8.8]" })
	void acceptsGloballyReachableAddresses(String host) {
		UrlGuard guard = new UrlGuard(List.of(), ownAddresses(Set.of()));
		assertThatNoException().isThrownBy(() -> guard.check(URI.create("https://" + host + "/")));
	}

	@Test
	void refusesThisHostsOwnAddressesWhateverTheirRange() throws UnknownHostException {
		UrlGuard guard = new UrlGuard(List.of(),
				ownAddresses(Set.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("2606:4700:4700::1111"))));
		for (String url : List.of("http://8.8.8.8/", "http://[2606:4700:4700::1111]:8080/", "http://[2002:808:808::1]/",
				"http://[64:ff9b::808:808]/")) {
			assertThatExceptionOfType(UrlRefused.class).as(url).isThrownBy(() -> guard.check(URI.create(url)));
		}
		assertThatNoException().isThrownBy(() -> guard.check(URI.create("http://1.1.1.1/")));
	}

	@Test
	void readsThisHostsOwnAddressesAgainOnlyAfterAMinute() throws UnknownHostException {
		// given
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));
		AtomicReference<Set<InetAddress>> interfaces = new AtomicReference<>(Set.of());
		AtomicInteger reads = new AtomicInteger();
		OwnAddresses ownAddresses = new OwnAddresses(() -> {
			reads.incrementAndGet();
			return interfaces.get();
		}, now::get, Duration.ofMinutes(1));
		UrlGuard guard = new UrlGuard(List.of(), ownAddresses);
		URI url = URI.create("http://1.1.1.1/");
		guard.check(url);

		// when
		interfaces.set(Set.of(InetAddress.getByName("1.1.1.1")));
		now.set(now.get().plusSeconds(59));

		// then
		assertThatNoException().isThrownBy(() -> guard.check(url));
		assertThat(reads).hasValue(1);
		now.set(now.get().plusSeconds(2));
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> guard.check(url));
		assertThat(reads).hasValue(2);
	}

	@Test
	void refusesEveryAddressWhileThisHostsOwnAddressesCannotBeRead() {
		UrlGuard guard = new UrlGuard(List.of(), new OwnAddresses(() -> {
			throw new SocketException("no interfaces");
		}, Instant::now, Duration.ofMinutes(1)));
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> guard.check(URI.create("http://8.8.8.8/")));
	}

	@Test
	void refusalOfAHostNameNamesTheHostButNotTheAddressItResolvesTo() throws UnknownHostException {
		List<String> resolved = Arrays.stream(InetAddress.getAllByName("localhost"))
			.flatMap((address) -> Stream.of(address.getHostAddress(), literal(address)))
			.toList();
		UrlRefused refused = catchThrowableOfType(UrlRefused.class,
				() -> this.guard.check(URI.create("http://localhost:8080/docs")));
		assertThat(refused).hasMessageContaining("its host localhost does not resolve to public addresses only");
		assertThat(refused.getMessage()).doesNotContain(resolved).doesNotContain("127.0.0.1", "::1", "0:0:0:0:0:0:0:1");
	}

	@Test
	void acceptsLoopbackWhenAnOperatorAllowsIt() {
		UrlGuard guard = new UrlGuard(List.of("localhost", "127.0.0.1:8080", "[::1]"));
		for (String url : List.of("http://localhost:8080/", "http://localhost:9090/", "http://127.0.0.1:8080/",
				"http://[::1]:9090/")) {
			assertThatNoException().as(url).isThrownBy(() -> guard.check(URI.create(url)));
		}
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> guard.check(URI.create("http://127.0.0.1:9090/")));
	}

	@Test
	void refusesOtherSchemes() {
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> this.guard.check(URI.create("file:///etc/passwd")))
			.withMessageContaining("only http and https");
		assertThatExceptionOfType(UrlRefused.class)
			.isThrownBy(() -> this.guard.check(URI.create("gopher://example.com/")));
	}

	@Test
	void acceptsAllowedHostsWithoutResolvingThem() {
		assertThatNoException().isThrownBy(() -> this.guard.check(URI.create("http://allowed.localhost:8080/x")));
	}

	private static OwnAddresses ownAddresses(Set<InetAddress> addresses) {
		return new OwnAddresses(() -> addresses, Instant::now, Duration.ofMinutes(1));
	}

	/**
	 * An address as a URL's host, without an IPv6 scope.
	 */
	private static String literal(InetAddress address) {
		try {
			InetAddress plain = InetAddress.getByAddress(address.getAddress());
			return (plain instanceof Inet6Address) ? "[" + plain.getHostAddress() + "]" : plain.getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
