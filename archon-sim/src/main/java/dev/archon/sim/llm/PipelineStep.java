package dev.archon.sim.llm;

import java.util.Locale;

/**
 * The steps of the agent-generation pipeline. A prompt names its step on a line of its
 * system message (or, without one, of its first message):
 *
 * <pre>
 * ARCHON-STEP: coder
 * </pre>
 *
 * with one of {@code scope}, {@code advisor}, {@code coder}, {@code refine-prompt},
 * {@code refine-tools} or {@code refine-agent}, or {@code chunk-summary} (archon-vector's
 * title and summary of a documentation chunk, the chunk being the last user message).
 * Without a marker, or with an unknown one, the answer is a short generic one.
 */
public enum PipelineStep {

	SCOPE("scope"), ADVISOR("advisor"), CODER("coder"), REFINE_PROMPT("refine-prompt"), REFINE_TOOLS("refine-tools"),
	REFINE_AGENT("refine-agent"), CHUNK_SUMMARY("chunk-summary"), GENERIC("generic");

	static final String MARKER = "ARCHON-STEP:";

	private final String id;

	PipelineStep(String id) {
		this.id = id;
	}

	/**
	 * The step's name, as in the marker.
	 * @return the name
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Finds the step named in a prompt.
	 * @param text the system message, or the first message
	 * @return the step, {@link #GENERIC} when none is named
	 */
	public static PipelineStep find(String text) {
		String value = MarkerLines.value(text, MARKER);
		if (value == null) {
			return GENERIC;
		}
		String id = value.toLowerCase(Locale.ROOT);
		for (PipelineStep step : values()) {
			if (step.id.equals(id)) {
				return step;
			}
		}
		return GENERIC;
	}

}
