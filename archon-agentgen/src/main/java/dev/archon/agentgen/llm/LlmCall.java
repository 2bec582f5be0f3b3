package dev.archon.agentgen.llm;

import java.util.List;
import java.util.Map;

import dev.archon.agentgen.compose.AgentTool;
import dev.archon.agentgen.compose.Page;
import org.jspecify.annotations.Nullable;

/**
 * One call to the pool: a pipeline step's prompt, and what the built-in provider needs to
 * answer the same step from templates.
 *
 * @param step the pipeline step, which names the prompt and the built-in provider's
 * answer
 * @param role which model answers
 * @param system the system message
 * @param user the user message
 * @param template what the built-in provider reads instead of the prompt
 * @param providerHint a provider to try first, if it is healthy
 * @param tools tools the model may call before it answers, {@code null} for none
 */
public record LlmCall(String step, ModelRole role, String system, String user, TemplateInput template,
		@Nullable String providerHint, @Nullable Toolbox tools) {

	/**
	 * What a generation knows so far, for the built-in provider.
	 *
	 * @param description the user's description of the agent
	 * @param scope the scope document, once written
	 * @param tools the tools chosen for the agent, each with why
	 * @param documents the retrieved documentation pages
	 * @param feedback the user's feedback on a previous version
	 * @param previousFiles the files of the version being refined
	 */
	public record TemplateInput(String description, @Nullable String scope, List<AgentTool> tools, List<Page> documents,
			@Nullable String feedback, Map<String, String> previousFiles) {

		public static TemplateInput of(String description) {
			return new TemplateInput(description, null, List.of(), List.of(), null, Map.of());
		}

	}

}
