package dev.archon.vector.crawl;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The pause that a server asks for in {@code Retry-After} (RFC 9110, section 10.2.3),
 * given either as seconds or as an HTTP-date.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * Reads the pause of an answer.
	 * @param headers the answer's headers
	 * @param now the time the answer came, from which an HTTP-date is counted
	 * @return the pause, zero for a date already past, or {@code null} when the answer
	 * asks for none or in neither form
	 */
	static @Nullable Duration of(HttpHeaders headers, Instant now) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		String seconds = value.strip();
		if (seconds.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			try {
				return Duration.ofSeconds(Long.parseLong(seconds));
			}
			catch (NumberFormatException ex) {
				// Too many digits for a long: longer than any pause worth waiting for.
				return ChronoUnit.FOREVER.getDuration();
			}
		}
		try {
			ZonedDateTime until = headers.getFirstZonedDateTime(HttpHeaders.RETRY_AFTER);
			Duration pause = Duration.between(now, until.toInstant());
			return pause.isNegative() ? Duration.ZERO : pause;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
