package dev.archon.sim.llm;

import org.springframework.stereotype.Component;

/**
 * The simulated model: a deterministic, well-formed answer for each pipeline step, the
 * same for the same prompt whichever provider is asked, so that a generation through the
 * simulator succeeds and failover between providers changes nothing in the result.
 *
 * @see AgentTemplates for the coder's file format
 */
@Component
public class StepAnswers {

	private static final String GENERIC = "This is archon-sim's simulated model. It answers the steps of "
			+ "Archon's agent-generation pipeline, which it tells apart by the role each step's prompt gives the model.";

	/**
	 * Answers a conversation.
	 * @param conversation the request's messages
	 * @param maxTokens the request's limit on the answer, 0 or less for none
	 * @return the answer, with its usage
	 */
	public Completion complete(Conversation conversation, int maxTokens) {
		PipelineStep step = conversation.step();
		String text = answer(step, conversation);
		boolean truncated = maxTokens > 0 && Tokens.count(text) > maxTokens;
		if (truncated) {
			text = Tokens.truncate(text, maxTokens);
		}
		return new Completion(step, text, conversation.promptTokens(), Tokens.count(text), truncated);
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
		return template.render(names);
	}

}
