package dev.archon.agentgen.llm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;

/**
 * A provider reached through a langchain4j streaming chat model. Every call streams, so
 * that a provider that accepts the request but never starts answering is caught by the
 * first-token timeout rather than the whole-call timeout.
 */
final class StreamingBackend implements Backend {

	private final Function<String, StreamingChatModel> factory;

	private final Map<String, StreamingChatModel> models = new ConcurrentHashMap<>();

	StreamingBackend(Function<String, StreamingChatModel> factory) {
		this.factory = factory;
	}

	@Override
	public Reply answer(LlmCall call, String model, Duration firstTokenTimeout, Duration timeout) {
		StreamingChatModel chatModel = this.models.computeIfAbsent(model, this.factory);
		CompletableFuture<Void> firstToken = new CompletableFuture<>();
		CompletableFuture<ChatResponse> done = new CompletableFuture<>();
		AtomicBoolean tokensSeen = new AtomicBoolean();
		StringBuilder text = new StringBuilder();
		long start = System.nanoTime();
		ChatRequest request = ChatRequest.builder()
			.messages(List.of(SystemMessage.from(call.system()), UserMessage.from(call.user())))
			.build();
		try {
			chatModel.chat(request, new StreamingChatResponseHandler() {

				@Override
				public void onPartialResponse(String partial) {
					synchronized (text) {
						text.append(partial);
					}
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
			firstToken.get(firstWait.toNanos(), TimeUnit.NANOSECONDS);
			firstTokenAfter = Duration.ofNanos(System.nanoTime() - start);
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
		String answer = (response.aiMessage() != null && response.aiMessage().text() != null)
				? response.aiMessage().text() : text.toString();
		TokenUsage usage = response.tokenUsage();
		long input = (usage != null && usage.inputTokenCount() != null) ? usage.inputTokenCount()
				: Tokens.estimate(call.system()) + Tokens.estimate(call.user());
		long output = (usage != null && usage.outputTokenCount() != null) ? usage.outputTokenCount()
				: Tokens.estimate(answer);
		return new Reply(answer, input, output, firstTokenAfter);
	}

}
