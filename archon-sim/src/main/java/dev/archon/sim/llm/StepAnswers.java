package dev.archon.sim.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;

/**
 * The simulated model: a deterministic, well-formed answer for each pipeline step, the
 * same for the same prompt whichever provider is asked, so that a generation through the
 * simulator succeeds and failover between providers changes nothing in the result.
 *
 * <p>
 * When the coder's request offers Archon's documentation tools, the simulated coder first
 * searches the documentation for the description, as the original Archon's coder does,
 * and once the result comes back cites the first page it names in {@code agent.py}.
 *
 * @see AgentTemplates for the coder's file format
 */
@Component
public class StepAnswers {

	private static final String GENERIC = "This is archon-sim's simulated model. It answers the steps of "
			+ "Archon's agent-generation pipeline, which it tells apart by the role each step's prompt gives the model.";

	/** The documentation search tool of Archon's coder. */
	static final String RETRIEVE = "retrieve_relevant_documentation";

	private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]>\"'`]+");

	private static final String AGENT_FILE = "### agent.py\n```python\n";

	/**
	 * Answers a conversation.
	 * @param conversation the request's messages
	 * @param maxTokens the request's limit on the answer, 0 or less for none
	 * @return the answer, with its usage
	 */
	public Completion complete(Conversation conversation, int maxTokens) {
		PipelineStep step = conversation.step();
		if (step == PipelineStep.CODER && conversation.offers(RETRIEVE) && conversation.toolResults().isEmpty()) {
			String arguments = JsonNodeFactory.instance.objectNode()
				.put("query", conversation.description())
				.toString();
			return new Completion(step, "", conversation.promptTokens(), Tokens.count(arguments), false,
					new ToolCall(RETRIEVE, arguments));
		}
		String text = answer(step, conversation);
		boolean truncated = maxTokens > 0 && Tokens.count(text) > maxTokens;
		if (truncated) {
			text = Tokens.truncate(text, maxTokens);
		}
		return new Completion(step, text, conversation.promptTokens(), Tokens.count(text), truncated, null);
	}

	private static String answer(PipelineStep step, Conversation conversation) {
		if (step == PipelineStep.GENERIC) {
			return GENERIC;
		}
		if (step == PipelineStep.CHUNK_SUMMARY) {
			return ChunkSummaries.answer(conversation.lastUserMessage());
		}
		AgentNames names = AgentNames.from(conversation.description());
		Template template = switch (step) {
			case SCOPE -> names.home() ? AgentTemplates.HOME_SCOPE : AgentTemplates.GENERIC_SCOPE;
			case ADVISOR -> names.home() ? AgentTemplates.HOME_ADVICE : AgentTemplates.GENERIC_ADVICE;
			case CODER -> names.home() ? AgentTemplates.HOME_CODER : AgentTemplates.GENERIC_CODER;
			case REFINE_PROMPT -> AgentTemplates.PROMPT_SUGGESTIONS;
			case REFINE_TOOLS -> AgentTemplates.TOOL_SUGGESTIONS;
			case REFINE_AGENT, GENERIC, CHUNK_SUMMARY -> AgentTemplates.AGENT_SUGGESTIONS;
		};
		String text = template.render(names);
		return (step == PipelineStep.CODER) ? citing(text, conversation) : text;
	}

	/**
	 * The coder's files with the first page its tools returned cited at the top of
	 * {@code agent.py}, where a comment may stand before the module's docstring.
	 */
	private static String citing(String files, Conversation conversation) {
		for (String result : conversation.toolResults()) {
			Matcher url = URL.matcher(result);
			if (url.find()) {
				return files.replace(AGENT_FILE,
						AGENT_FILE + "# Written from the documentation at " + url.group() + "\n");
			}
		}
		return files;
	}

}
