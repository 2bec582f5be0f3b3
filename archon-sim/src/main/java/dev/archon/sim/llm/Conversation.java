package dev.archon.sim.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The text of a chat request, whichever protocol it came in: what the simulator needs to
 * pick and size its answer.
 */
public final class Conversation {

	/**
	 * The line after which the pipeline's prompts give the user's description, as a
	 * paragraph of its own.
	 */
	static final String DESCRIPTION_HEADING = "The agent to build:\n";

	private static final int TOKENS_PER_MESSAGE = 4;

	private final String system;

	private final List<String> messages;

	private final String lastUserMessage;

	private final Set<String> offeredTools;

	private final List<String> toolResults;

	private Conversation(String system, List<String> messages, String lastUserMessage, Set<String> offeredTools,
			List<String> toolResults) {
		this.system = system;
		this.messages = messages;
		this.lastUserMessage = lastUserMessage;
		this.offeredTools = offeredTools;
		this.toolResults = toolResults;
	}

	/**
	 * Reads an OpenAI chat completion request: system (or developer) messages, then the
	 * others.
	 * @param request the request body
	 * @return its conversation
	 */
	public static Conversation fromOpenAi(JsonNode request) {
		StringBuilder system = new StringBuilder();
		List<String> messages = new ArrayList<>();
		List<String> toolResults = new ArrayList<>();
		String lastUser = "";
		for (JsonNode message : request.path("messages").values()) {
			String role = message.path("role").asString("");
			String text = text(message.path("content"));
			if (role.equals("system") || role.equals("developer")) {
				system.append(system.isEmpty() ? "" : "\n").append(text);
			}
			else {
				messages.add(text);
				if (role.equals("user")) {
					lastUser = text;
				}
				else if (role.equals("tool")) {
					toolResults.add(text);
				}
			}
		}
		Set<String> tools = new LinkedHashSet<>();
		if (!request.path("tool_choice").asString("").equals("none")) {
			for (JsonNode tool : request.path("tools").values()) {
				tools.add(tool.path("function").path("name").asString(""));
			}
		}
		return new Conversation(system.toString(), messages, lastUser, tools, toolResults);
	}

	/**
	 * Reads an Anthropic messages request: {@code system} as a string or text blocks,
	 * then the messages.
	 * @param request the request body
	 * @return its conversation
	 */
	public static Conversation fromAnthropic(JsonNode request) {
		List<String> messages = new ArrayList<>();
		List<String> toolResults = new ArrayList<>();
		String lastUser = "";
		for (JsonNode message : request.path("messages").values()) {
			String text = text(message.path("content"));
			messages.add(text);
			// Tool results come back in a user message, which is not the user speaking.
			boolean results = false;
			for (JsonNode block : message.path("content").values()) {
				if (block.path("type").asString("").equals("tool_result")) {
					toolResults.add(text(block.path("content")));
					results = true;
				}
			}
			if (message.path("role").asString("").equals("user") && !results) {
				lastUser = text;
			}
		}
		Set<String> tools = new LinkedHashSet<>();
		if (!request.path("tool_choice").path("type").asString("").equals("none")) {
			for (JsonNode tool : request.path("tools").values()) {
				tools.add(tool.path("name").asString(""));
			}
		}
		return new Conversation(text(request.path("system")), messages, lastUser, tools, toolResults);
	}

	/**
	 * The pipeline step named in the system message, or in the first message when there
	 * is no system message.
	 * @return the step
	 */
	public PipelineStep step() {
		if (!this.system.isEmpty()) {
			return PipelineStep.find(this.system);
		}
		return this.messages.isEmpty() ? PipelineStep.GENERIC : PipelineStep.find(this.messages.getFirst());
	}

	/**
	 * The user's description of the agent, read from the user message as a model reads
	 * it: the paragraph after its {@code The agent to build:} line, which every step but
	 * the scope has, or else the whole message, which is the scope step's description.
	 * @return the description
	 */
	String description() {
		int heading = this.lastUserMessage.indexOf(DESCRIPTION_HEADING);
		if (heading < 0) {
			return this.lastUserMessage;
		}
		int start = heading + DESCRIPTION_HEADING.length();
		int end = this.lastUserMessage.indexOf("\n\n", start);
		return this.lastUserMessage.substring(start, (end < 0) ? this.lastUserMessage.length() : end);
	}

	/**
	 * The last message of the user.
	 * @return its text, empty when there is none
	 */
	String lastUserMessage() {
		return this.lastUserMessage;
	}

	/**
	 * Whether the request offers a tool, and lets the model call it: a
	 * {@code tool_choice} of {@code none} declares tools that may not be called.
	 * @param name the tool's name
	 * @return whether the model may call it
	 */
	boolean offers(String name) {
		return this.offeredTools.contains(name);
	}

	/**
	 * The results of the tools the model called, in the order they came back.
	 * @return their texts
	 */
	List<String> toolResults() {
		return this.toolResults;
	}

	/**
	 * Estimates the request's tokens: its text plus a few per message for the roles.
	 * @return the prompt tokens
	 */
	public int promptTokens() {
		int tokens = Tokens.count(this.system) + ((this.system.isEmpty()) ? 0 : TOKENS_PER_MESSAGE);
		for (String message : this.messages) {
			tokens += Tokens.count(message) + TOKENS_PER_MESSAGE;
		}
		return tokens;
	}

	/**
	 * Flattens message content: a string, or an array of parts of which the text parts
	 * (and the text of tool results) are kept.
	 */
	private static String text(JsonNode content) {
		if (content.isString()) {
			return content.stringValue();
		}
		if (!content.isArray()) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode part : content.values()) {
			JsonNode value = part.path("text");
			if (!value.isString()) {
				value = part.path("content");
			}
			if (value.isString()) {
				text.append(text.isEmpty() ? "" : "\n").append(value.stringValue());
			}
		}
		return text.toString();
	}

}
