package dev.archon.ha.patterns;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class HistoryStreamTests {

	static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

	@Test
	void foldsEachEntitysRowsAndSkipsOthers() {
		String body = """
				[[{"entity_id":"light.kitchen","state":"off","attributes":{"friendly_name":"Kitchen","rgb":[1,2,3]},
				   "last_changed":"2026-01-01T00:00:00.000000+00:00","last_updated":"2026-01-01T00:00:00+00:00"},
				  {"state":"on","last_changed":"2026-01-05T06:45:00.250000+00:00"},
				  {"last_changed":"2026-01-05T07:15:00+00:00","state":"off"},
				  {"state":"on","last_changed":"2026-01-05T08:00:00+01:00"},
				  {"state":"on","last_changed":"2026-01-05T07:30:00Z"}],
				 [{"entity_id":"sensor.temperature","state":"21.5","attributes":{},"last_changed":"2026-01-05T00:00:00+00:00"},
				  {"state":"21.5","last_changed":"2026-01-05T01:00:00+00:00"},
				  {"state":"21.7","last_changed":"2026-01-05T02:00:00+00:00"},
				  {"state":"-1e-3","last_changed":"2026-01-05T03:00:00+00:00"}],
				 [{"entity_id":"light.unknown","state":"off","last_changed":"2026-01-05T00:00:00+00:00"},
				  {"state":"on","last_changed":"2026-01-05T01:00:00+00:00"}],
				 [{"entity_id":"sensor.power","state":"unavailable","last_changed":"2026-01-05T00:00:00+00:00"},
				  {"state":"sp\\u00e4t \\"late\\"","last_changed":"2026-01-05T00:30:00+00:00"},
				  {"state":"12","last_changed":"2026-01-05T01:00:00+00:00"},
				  {"state":"13","last_changed":"2026-01-05T02:00:00+00:00"}]]
				""";
		EntityActivity kitchen = new EntityActivity("light.kitchen", 0, ZoneOffset.UTC);
		EntityActivity temperature = new EntityActivity("sensor.temperature", 1, ZoneOffset.UTC);
		EntityActivity power = new EntityActivity("sensor.power", 2, ZoneOffset.UTC);
		ActivationLog log = new ActivationLog();
		long rows = new HistoryStream(
				Map.of("light.kitchen", kitchen, "sensor.temperature", temperature, "sensor.power", power),
				START.getEpochSecond() * 1_000_000, log)
			.read(JsonMapper.builder().build(), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
		assertThat(rows).isEqualTo(13);
		assertThat(kitchen.numeric).isFalse();
		assertThat(kitchen.transitions).isEqualTo(3);
		assertThat(kitchen.activations).isEqualTo(2);
		assertThat(kitchen.onSeconds.sorted()).containsExactly(30 * 60);
		assertThat(kitchen.activity[0][6]).isEqualTo(1);
		assertThat(kitchen.activity[0][7]).isEqualTo(1);
		// The kitchen's two, and the power sensor's one before it became a measurement.
		assertThat(log.size()).isEqualTo(3);
		assertThat(log.time(0)).isEqualTo(Instant.parse("2026-01-05T06:45:00.250Z").toEpochMilli());
		assertThat(temperature.numeric).isTrue();
		assertThat(temperature.transitions).isEqualTo(2);
		assertThat(power.numeric).isTrue();
		assertThat(power.entries).containsOnlyKeys("spät \"late\"");
		assertThat(power.transitions).isEqualTo(3);
	}

	@Test
	void refusesWhatIsNotAHistory() {
		EntityActivity kitchen = new EntityActivity("light.kitchen", 0, ZoneOffset.UTC);
		HistoryStream stream = new HistoryStream(Map.of("light.kitchen", kitchen), 0, new ActivationLog());
		assertThatIllegalStateException().isThrownBy(() -> stream.read(JsonMapper.builder().build(),
				new ByteArrayInputStream("{\"message\":\"nope\"}".getBytes(StandardCharsets.UTF_8))));
	}

}
