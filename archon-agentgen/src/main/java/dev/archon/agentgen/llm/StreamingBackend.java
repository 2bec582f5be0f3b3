package dev.archon.agentgen.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * A provider reached through a langchain4j streaming chat model. Every call streams, so
 * that a provider that accepts the request but never starts answering is caught by the
 * first-token timeout rather than the whole-call timeout.
 * <p>
 * A call that offers tools runs the tool-call loop here, streamed like any call: a
 * langchain4j streaming model assembles the streamed tool calls into its complete
 * response, so each round keeps the first-token timeout. The whole loop is one call to
 * the pool, within the call's timeout, so a provider failing mid-loop fails over like any
 * call and the next provider starts the loop again.
 */
final class StreamingBackend implements Backend {

	/** A pipeline step reads its answer whole: nobody waits for its pieces. */
	private static final Consumer<String> IGNORE_TOKENS = (partial) -> {
	};

	private final Function<String, StreamingChatModel> factory;

	private final LlmProperties.ToolCalls toolCalls;

	private final Map<String, StreamingChatModel> models = new ConcurrentHashMap<>();

	StreamingBackend(Function<String, StreamingChatModel> factory, LlmProperties.ToolCalls toolCalls) {
		this.factory = factory;
		this.toolCalls = toolCalls;
	}

	@Override
	public Reply answer(LlmCall call, String model, Duration firstTokenTimeout, Duration timeout) {
		StreamingChatModel chatModel = this.models.computeIfAbsent(model, this.factory);
		long start = System.nanoTime();
		List<ChatMessage> messages = new ArrayList<>(
				List.of(SystemMessage.from(call.system()), UserMessage.from(call.user())));
		@Nullable Toolbox tools = call.tools();
		// What the prompt is estimated at, for a provider that reports no usage: it grows
		// with each round's tool results.
		long promptEstimate = Tokens.estimate(call.system()) + Tokens.estimate(call.user());
		long inputTokens = 0;
		long outputTokens = 0;
		@Nullable Duration firstToken = null;
		for (int round = 0;; round++) {
			ChatRequest.Builder request = ChatRequest.builder().messages(messages);
			boolean toolsAllowed = tools != null && round < this.toolCalls.maxRounds()
					&& inputTokens + outputTokens < this.toolCalls.maxTokens();
			if (tools != null) {
				// Once the loop's bounds are reached the tools stay declared, as a
				// conversation holding tool calls must declare them, but the model may
				// no longer call them.
				request.toolSpecifications(tools.specifications())
					.toolChoice(toolsAllowed ? ToolChoice.AUTO : ToolChoice.NONE);
			}
			Duration left = timeout.minusNanos(System.nanoTime() - start);
			Round answered = stream(chatModel, request.build(), firstTokenTimeout, left, start, IGNORE_TOKENS);
			if (firstToken == null) {
				firstToken = answered.firstToken();
			}
			AiMessage message = answered.response().aiMessage();
			String text = answered.fullText();
			inputTokens += answered.inputTokens(promptEstimate);
			outputTokens += answered.outputTokens();
			if (!toolsAllowed || message == null || !message.hasToolExecutionRequests()) {
				return new Reply(text, inputTokens, outputTokens, firstToken);
			}
			messages.add(message);
			for (ToolExecutionRequest toolCall : message.toolExecutionRequests()) {
				String result = tools.execute(toolCall);
				promptEstimate += Tokens.estimate(result);
				messages.add(ToolExecutionResultMessage.from(toolCall, result));
			}
		}
	}

	/**
	 * Streams the conversation in one request: a client's conversation carries no tools
	 * of ours, so there is no loop.
	 */
	@Override
	public Reply converse(Conversation conversation, String model, Duration firstTokenTimeout, Duration timeout,
			Consumer<String> tokens) {
		StreamingChatModel chatModel = this.models.computeIfAbsent(model, this.factory);
		ChatRequest request = ChatRequest.builder()
			.messages(conversation.messages())
			.parameters(conversation.parameters())
			.build();
		Round answered = stream(chatModel, request, firstTokenTimeout, timeout, System.nanoTime(), tokens);
		return new Reply(answered.fullText(), answered.inputTokens(Tokens.prompt(conversation)),
				answered.outputTokens(), answered.firstToken());
	}

	private static Round stream(StreamingChatModel chatModel, ChatRequest request, Duration firstTokenTimeout,
			Duration timeout, long callStart, Consumer<String> tokens) {
		CompletableFuture<Void> firstToken = new CompletableFuture<>();
		CompletableFuture<ChatResponse> done = new CompletableFuture<>();
		AtomicBoolean tokensSeen = new AtomicBoolean();
		StringBuilder text = new StringBuilder();
		long start = System.nanoTime();
		try {
			chatModel.chat(request, new StreamingChatResponseHandler() {

				@Override
				public void onPartialResponse(String partial) {
					synchronized (text) {
						text.append(partial);
					}
					tokensSeen.set(true);
					firstToken.complete(null);
					tokens.accept(partial);
				}

				@Override
				public void onPartialToolCall(PartialToolCall partialToolCall) {
					tokensSeen.set(true);
					firstToken.complete(null);
				}

				@Override
				public void onCompleteResponse(ChatResponse response) {
					firstToken.complete(null);
					done.complete(response);
				}

				@Override
				public void onError(Throwable error) {
					firstToken.completeExceptionally(error);
					done.completeExceptionally(error);
				}

			});
		}
		catch (RuntimeException ex) {
			throw Failures.classify(ex, false);
		}
		Duration firstTokenAfter;
		boolean wholeCallFirst = timeout.compareTo(firstTokenTimeout) <= 0;
		Duration firstWait = wholeCallFirst ? timeout : firstTokenTimeout;
		try {
			firstToken.get(Math.max(1, firstWait.toNanos()), TimeUnit.NANOSECONDS);
			firstTokenAfter = Duration.ofNanos(System.nanoTime() - callStart);
		}
		catch (TimeoutException ex) {
			throw new ProviderFailure(wholeCallFirst ? FailureKind.TIMEOUT : FailureKind.FIRST_TOKEN_TIMEOUT,
					"no token within " + firstWait.toMillis() + " ms", null, ex);
		}
		catch (ExecutionException ex) {
			throw Failures.classify(ex.getCause(), false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProviderFailure(FailureKind.TIMEOUT, "interrupted", null, ex);
		}
		ChatResponse response;
		try {
			long left = Math.max(1, timeout.toNanos() - (System.nanoTime() - start));
			response = done.get(left, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw Failures.classify(ex, tokensSeen.get());
		}
		catch (ExecutionException ex) {
			throw Failures.classify(ex.getCause(), tokensSeen.get());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProviderFailure(FailureKind.TIMEOUT, "interrupted", null, ex);
		}
		synchronized (text) {
			return new Round(response, text.toString(), firstTokenAfter);
		}
	}

	/**
	 * One request of a call and its answer.
	 *
	 * @param response the complete response
	 * @param text the streamed text, for a response that does not repeat it
	 * @param firstToken how long after the call's start the first token came
	 */
	private record Round(ChatResponse response, String text, Duration firstToken) {

		String fullText() {
			AiMessage message = this.response.aiMessage();
			return (message != null && message.text() != null) ? message.text() : this.text;
		}

		/**
		 * The prompt's tokens as the provider counted them, or as estimated for a
		 * provider that reports no usage.
		 */
		long inputTokens(long promptEstimate) {
			TokenUsage usage = this.response.tokenUsage();
			return (usage != null && usage.inputTokenCount() != null) ? usage.inputTokenCount() : promptEstimate;
		}

		long outputTokens() {
			TokenUsage usage = this.response.tokenUsage();
			return (usage != null && usage.outputTokenCount() != null) ? usage.outputTokenCount()
					: Tokens.estimate(fullText());
		}

	}

}
