package dev.archon.agentgen.llm;

import java.time.Duration;
import java.util.function.Consumer;

import dev.archon.agentgen.compose.Composer;
import dev.archon.agentgen.llm.LlmCall.TemplateInput;

/**
 * The built-in provider: no network, no model. Archon's composer answers each pipeline
 * step from what the step knows (the description, the feedback, the chosen tools, the
 * retrieved pages and the current files), in the same answer format as a model, so that
 * the pipeline treats both alike.
 */
final class BuiltinBackend implements Backend {

	static final String MODEL = "composer-v1";

	@Override
	public Reply answer(LlmCall call, String model, Duration firstTokenTimeout, Duration timeout) {
		Composer.Request request = request(call.template());
		String text = switch (call.step()) {
			case "scope" -> Composer.scope(request);
			case "advisor" -> Composer.advice(request);
			case "coder" -> FileBlocks.render(Composer.files(request));
			case "refine-prompt", "refine-tools", "refine-agent" -> Composer.review(call.step(), request);
			default -> "The built-in provider answers pipeline steps only.";
		};
		return new Reply(text, Tokens.estimate(call.system()) + Tokens.estimate(call.user()), Tokens.estimate(text),
				Duration.ZERO);
	}

	/**
	 * The templates answer pipeline steps, not conversations: the pool never asks.
	 */
	@Override
	public Reply converse(Conversation conversation, String model, Duration firstTokenTimeout, Duration timeout,
			Consumer<String> tokens) {
		throw new UnsupportedOperationException("The built-in provider answers pipeline steps only");
	}

	private static Composer.Request request(TemplateInput input) {
		return new Composer.Request(input.description(), input.feedback(), input.previousFiles(), input.tools(),
				input.documents());
	}

}
