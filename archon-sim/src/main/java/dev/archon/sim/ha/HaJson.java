package dev.archon.sim.ha;

import java.io.StringWriter;
import java.util.function.Consumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the simulator's wire formats. It is deliberately not Spring's
 * application mapper: Home Assistant's shapes must not change with the application's
 * Jackson settings.
 */
public final class HaJson {

	public static final JsonMapper MAPPER = JsonMapper.builder().build();

	private HaJson() {
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * Writes JSON through a streaming generator into a string, for messages that are
	 * built from many parts but must go out as one frame.
	 * @param body what to write
	 * @return the JSON text
	 */
	public static String generate(Consumer<JsonGenerator> body) {
		StringWriter writer = new StringWriter(256);
		try (JsonGenerator generator = MAPPER.createGenerator(writer)) {
			body.accept(generator);
		}
		return writer.toString();
	}

}
