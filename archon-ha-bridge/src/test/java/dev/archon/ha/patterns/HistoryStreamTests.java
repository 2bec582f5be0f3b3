package dev.archon.ha.patterns;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryStreamTests {

	@Test
	void readsHomeAssistantTimestampsLikeTheGeneralParser() {
		for (String iso : new String[] { "2026-01-31T06:45:00.123456+00:00", "2026-03-29T01:59:59+02:00",
				"2024-02-29T23:00:00.5-05:30", "1999-12-31T23:59:59.999999999+14:00" }) {
			assertThat(HistoryStream.instant(iso)).as(iso).isEqualTo(OffsetDateTime.parse(iso).toInstant());
		}
	}

	@Test
	void leavesOtherFormsToTheGeneralParser() {
		assertThat(HistoryStream.instant("2026-01-31T06:45:00Z"))
			.isEqualTo(OffsetDateTime.parse("2026-01-31T06:45:00Z").toInstant());
		assertThat(HistoryStream.instant("not a time")).isNull();
		assertThat(HistoryStream.instant("2026-02-30T06:45:00.000000+00:00")).isNull();
	}

}
