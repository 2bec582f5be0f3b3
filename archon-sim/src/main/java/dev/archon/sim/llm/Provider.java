package dev.archon.sim.llm;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The wire protocols the simulator speaks. Each keeps its own faults, latency and
 * statistics, so that a test can fail one provider while the other stays healthy.
 */
public enum Provider {

	OPENAI("openai"), ANTHROPIC("anthropic");

	private final String id;

	Provider(String id) {
		this.id = id;
	}

	/**
	 * The name used in the control API and in statistics.
	 * @return the lower-case provider name
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Looks a provider up by its control API name.
	 * @param id the name, {@code openai} or {@code anthropic}
	 * @return the provider, or {@code null} if there is none of that name
	 */
	public static @Nullable Provider of(@Nullable String id) {
		if (id == null) {
			return null;
		}
		String normalized = id.trim().toLowerCase(Locale.ROOT);
		for (Provider provider : values()) {
			if (provider.id.equals(normalized)) {
				return provider;
			}
		}
		return null;
	}

}
