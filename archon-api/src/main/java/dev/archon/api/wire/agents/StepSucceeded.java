package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline step finished with an answer. Its type keeps the name that clients know,
 * {@code step-finished}.
 *
 * @param step its name
 * @param version the version it belongs to
 * @param provider the provider that answered, absent for a step without a model
 * @param model its model
 * @param inputTokens prompt tokens
 * @param outputTokens answer tokens
 * @param llmMs time inside provider calls
 * @param degraded whether the built-in provider answered
 * @param detail a note, such as {@code ungrounded}
 */
@JsonTypeName("step-finished")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepSucceeded(String step, int version, @Nullable String provider, @Nullable String model,
		@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long llmMs, boolean degraded,
		@Nullable String detail) implements JobEvent {

}
