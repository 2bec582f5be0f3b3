package dev.archon.vector.crawl;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

	@Test
	void readsSeconds() {
		assertThat(RetryAfter.of(headers("120"), NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.of(headers(" 0 "), NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void readsAnHttpDateAsThePauseUntilIt() {
		assertThat(RetryAfter.of(headers("Wed, 21 Oct 2026 07:28:30 GMT"), NOW)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void readsTheObsoleteRfc850DateToo() {
		assertThat(RetryAfter.of(headers("Wednesday, 21-Oct-26 07:29:00 GMT"), NOW)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void readsADateAlreadyPastAsNoPause() {
		assertThat(RetryAfter.of(headers("Wed, 21 Oct 2026 07:00:00 GMT"), NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void readsMoreSecondsThanALongHoldsAsLongerThanAnyCap() {
		assertThat(RetryAfter.of(headers("99999999999999999999999"), NOW)).isGreaterThan(Duration.ofDays(365));
	}

	@Test
	void ignoresAbsentAndUnreadableValues() {
		assertThat(RetryAfter.of(new HttpHeaders(), NOW)).isNull();
		assertThat(RetryAfter.of(headers("soon"), NOW)).isNull();
		assertThat(RetryAfter.of(headers("-5"), NOW)).isNull();
	}

	private static HttpHeaders headers(String retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
		return headers;
	}

}
