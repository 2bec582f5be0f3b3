package dev.archon.sim.llm;

import org.jspecify.annotations.Nullable;

/**
 * The steps of Archon's agent-generation pipeline, and archon-vector's chunk summary,
 * told apart as a model would tell them apart: by the instructions of the system message
 * (or, without one, of the first message) that production sends to any provider. Each
 * step's prompt opens by naming the role it gives the model, such as "You are the coder
 * of Archon". A prompt that names no known role gets a short generic answer.
 */
public enum PipelineStep {

	SCOPE("scope", "You are the reasoner of Archon"), ADVISOR("advisor", "You are the advisor of Archon"),
	CODER("coder", "You are the coder of Archon"),
	REFINE_PROMPT("refine-prompt", "You are the prompt refiner of Archon"),
	REFINE_TOOLS("refine-tools", "You are the tools refiner of Archon"),
	REFINE_AGENT("refine-agent", "You are the agent refiner of Archon"),
	CHUNK_SUMMARY("chunk-summary", "You title and summarize one chunk of technical documentation"),
	GENERIC("generic", null);

	private final String id;

	private final @Nullable String role;

	PipelineStep(String id, @Nullable String role) {
		this.id = id;
		this.role = role;
	}

	/**
	 * The step's name, as the pipeline names it.
	 * @return the name
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Finds the step whose role a prompt gives the model.
	 * @param text the system message, or the first message
	 * @return the step, {@link #GENERIC} when the prompt gives no known role
	 */
	public static PipelineStep find(String text) {
		for (PipelineStep step : values()) {
			if (step.role != null && text.contains(step.role)) {
				return step;
			}
		}
		return GENERIC;
	}

}
