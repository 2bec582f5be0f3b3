package dev.archon.vector.crawl;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UrlGuardTests {

	private final UrlGuard guard = new UrlGuard(List.of("allowed.localhost:8080"));

	@Test
	void refusesInternalAddresses() {
		for (String url : List.of("http://127.0.0.1/", "http://localhost:8080/", "http://[::1]/",
				"http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://192.168.0.1/",
				"http://172.16.0.1/", "http://0.0.0.0/", "http://[fd00::1]/", "http://100.64.0.1/")) {
			assertThatExceptionOfType(UrlRefused.class).as(url).isThrownBy(() -> this.guard.check(URI.create(url)));
		}
	}

	@Test
	void refusesOtherSchemes() {
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> this.guard.check(URI.create("file:///etc/passwd")))
			.withMessageContaining("only http and https");
		assertThatExceptionOfType(UrlRefused.class)
			.isThrownBy(() -> this.guard.check(URI.create("gopher://example.com/")));
	}

	@Test
	void acceptsAllowedHostsAndPublicAddresses() {
		assertThatNoException().isThrownBy(() -> this.guard.check(URI.create("http://allowed.localhost:8080/x")));
		assertThatNoException().isThrownBy(() -> this.guard.check(URI.create("https://8.8.8.8/")));
	}

}
