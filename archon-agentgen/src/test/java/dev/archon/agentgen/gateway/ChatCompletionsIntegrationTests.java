package dev.archon.agentgen.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.archon.agentgen.llm.ProviderPool;
import dev.archon.agentgen.llm.SimulatedProviders;
import dev.archon.api.security.ApiKeys;
import dev.archon.test.UsesRealServices;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The gateway as OpenAI's own clients see it, against archon-sim's simulated OpenAI (the
 * pool's first provider) and Anthropic (its second), started in this JVM.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.agentgen.jobs.workers=0", "archon.agentgen.pipeline.vector-url=http://localhost:9",
				// Short cooldowns and a breaker that does not open, so that each test's
				// fault is over for the next test.
				"archon.llm.long-cooldown=1s", "archon.llm.timeout-cooldown=1s",
				"archon.llm.breaker.minimum-calls=1000" })
@UsesRealServices
@DirtiesContext
class ChatCompletionsIntegrationTests {

	/** Keys of this run only, so that the usage of earlier runs is not counted. */
	private static final String KEY = "gateway-" + UUID.randomUUID();

	private static final String OTHER_KEY = "gateway-" + UUID.randomUUID();

	private static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void simulator(DynamicPropertyRegistry registry) {
		String sim = SimulatedProviders.shared().baseUrl();
		registry.add("archon.api.keys", () -> KEY + "," + OTHER_KEY);
		// A list binds from one property source: the whole list is here.
		registry.add("archon.llm.providers[0].name", () -> "sim-openai");
		registry.add("archon.llm.providers[0].type", () -> "openai");
		registry.add("archon.llm.providers[0].base-url", () -> sim + "/v1");
		registry.add("archon.llm.providers[0].api-key", () -> "sim");
		registry.add("archon.llm.providers[0].priority", () -> 1);
		registry.add("archon.llm.providers[0].input-price", () -> "1");
		registry.add("archon.llm.providers[0].output-price", () -> "2");
		// Long enough for a loaded machine, short enough for the test of a hanging
		// provider.
		registry.add("archon.llm.providers[0].first-token-timeout", () -> "3s");
		registry.add("archon.llm.providers[0].models.reasoner", () -> "sim-reasoner");
		registry.add("archon.llm.providers[0].models.primary", () -> "sim-coder");
		registry.add("archon.llm.providers[1].name", () -> "sim-anthropic");
		registry.add("archon.llm.providers[1].type", () -> "anthropic");
		registry.add("archon.llm.providers[1].base-url", () -> sim + "/anthropic/v1/");
		registry.add("archon.llm.providers[1].api-key", () -> "sim");
		registry.add("archon.llm.providers[1].priority", () -> 2);
		registry.add("archon.llm.providers[1].input-price", () -> "1");
		registry.add("archon.llm.providers[1].output-price", () -> "2");
		registry.add("archon.llm.providers[1].models.reasoner", () -> "sim-claude-reasoner");
		registry.add("archon.llm.providers[1].models.primary", () -> "sim-claude");
	}

	@LocalServerPort
	int port;

	@Autowired
	ProviderPool pool;

	@Autowired
	MeterRegistry meters;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void clearFaults() {
		SimulatedProviders.shared().reset();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.pool.states().stream().allMatch((provider) -> provider.cooldownUntil() == null));
	}

	@Test
	void answersOpenAisChatModelFromTheFirstProvider() {
		ChatResponse response = chatModel(KEY).chat(dev.langchain4j.data.message.UserMessage.from("Say hello."));
		assertThat(response.aiMessage().text()).isNotBlank();
		assertThat(response.metadata().modelName()).isEqualTo("sim-coder");
		assertThat(response.tokenUsage().inputTokenCount()).isPositive();
		assertThat(response.tokenUsage().outputTokenCount()).isPositive();
	}

	@Test
	void streamsToOpenAisStreamingChatModel() throws Exception {
		Streamed streamed = stream(KEY);
		ChatResponse response = streamed.done().get(20, TimeUnit.SECONDS);
		assertThat(streamed.pieces()).hasSizeGreaterThan(1);
		assertThat(String.join("", streamed.pieces())).isEqualTo(response.aiMessage().text());
		assertThat(response.tokenUsage().outputTokenCount()).isPositive();
	}

	@Test
	void streamsServerSentEventsInOpenAisFormat() throws Exception {
		HttpResponse<String> response = post(KEY, """
				{"model":"archon-primary","stream":true,"stream_options":{"include_usage":true},
				 "messages":[{"role":"user","content":"Say hello."}]}""");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> events = List.of(response.body().split("\n\n"));
		assertThat(events).allSatisfy((event) -> assertThat(event).startsWith("data: "));
		assertThat(events).last().isEqualTo("data: [DONE]");
		JsonNode first = json.readTree(events.get(0).substring(6));
		assertThat(first.path("object").asString()).isEqualTo("chat.completion.chunk");
		assertThat(first.path("id").asString()).startsWith("chatcmpl-");
		assertThat(first.path("choices").get(0).path("delta").path("role").asString()).isEqualTo("assistant");
		JsonNode last = json.readTree(events.get(events.size() - 3).substring(6));
		assertThat(last.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
		JsonNode usage = json.readTree(events.get(events.size() - 2).substring(6));
		assertThat(usage.path("choices").isEmpty()).isTrue();
		assertThat(usage.path("usage").path("completion_tokens").asLong()).isPositive();
		assertThat(usage.path("usage").path("total_tokens").asLong())
			.isEqualTo(usage.path("usage").path("prompt_tokens").asLong()
					+ usage.path("usage").path("completion_tokens").asLong());
		assertThat(events)
			.extracting((event) -> json.readTree(event.equals("data: [DONE]") ? "{}" : event.substring(6)))
			.allSatisfy((chunk) -> assertThat(chunk.path("id").asString(first.path("id").asString()))
				.isEqualTo(first.path("id").asString()));
	}

	@Test
	void listsThePoolsAliasesAndItsProvidersModels() throws Exception {
		HttpResponse<String> response = this.http.send(request(KEY, "/v1/models").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode models = json.readTree(response.body());
		assertThat(models.path("object").asString()).isEqualTo("list");
		assertThat(models.path("data").valueStream().map((model) -> model.path("id").asString())).containsExactly(
				"archon-primary", "archon-reasoner", "sim-coder", "sim-reasoner", "sim-claude", "sim-claude-reasoner");
	}

	@Test
	void failsOverWhenTheFirstProviderAnswers503() {
		SimulatedProviders.shared().fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":503}");
		assertThat(answeringModel()).isEqualTo("sim-claude");
		assertThat(failovers("transient")).isPositive();
	}

	@Test
	void failsOverWhenTheFirstProviderHangs() {
		SimulatedProviders.shared().fault("{\"provider\":\"openai\",\"mode\":\"timeout\"}");
		assertThat(answeringModel()).isEqualTo("sim-claude");
		assertThat(failovers("first-token-timeout")).isPositive();
	}

	@Test
	void failsOverWhenTheFirstProviderRefusesOurKey() {
		SimulatedProviders.shared().fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":401}");
		assertThat(answeringModel()).isEqualTo("sim-claude");
		assertThat(failovers("auth")).isPositive();
	}

	@Test
	void sendsAProvidersOwnModelToThatProviderAlone() throws Exception {
		SimulatedProviders.shared().fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":503}");
		HttpResponse<String> response = post(KEY,
				"{\"model\":\"sim-coder\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(error(response).path("code").asString()).isEqualTo("no_provider_available");
	}

	@Test
	void endsAStreamThatBreaksAfterItsFirstTokensWithAnErrorTheClientSees() throws Exception {
		SimulatedProviders.shared().fault("{\"provider\":\"openai\",\"mode\":\"drop-mid-stream\"}");
		Streamed streamed = stream(KEY);
		// langchain4j reads the error event without raising it (OpenAI's own SDKs raise
		// it): the answer it hands on has no finish reason, and the event is its last.
		ChatResponse response = streamed.done().get(20, TimeUnit.SECONDS);
		assertThat(streamed.pieces()).isNotEmpty();
		assertThat(response.metadata().finishReason()).isNull();
		assertThat(((OpenAiChatResponseMetadata) response.metadata()).rawServerSentEvents()).last()
			.satisfies((event) -> assertThat(event.data()).contains("\"code\":\"stream_interrupted\""));
		SimulatedProviders.shared().fault("{\"provider\":\"openai\",\"mode\":\"drop-mid-stream\"}");
		HttpResponse<String> raw = post(KEY,
				"{\"model\":\"archon-primary\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		List<String> events = List.of(raw.body().split("\n\n"));
		assertThat(events).noneMatch((event) -> event.equals("data: [DONE]"));
		assertThat(json.readTree(events.getLast().substring(6)).path("error").path("code").asString())
			.isEqualTo("stream_interrupted");
		assertThat(failovers("mid-stream")).isZero();
	}

	@Test
	void answersInvalidRequestsWithOpenAisErrorBody() throws Exception {
		HttpResponse<String> noMessages = post(KEY, "{\"model\":\"archon-primary\",\"messages\":[]}");
		assertThat(noMessages.statusCode()).isEqualTo(400);
		assertThat(error(noMessages).path("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error(noMessages).path("param").asString()).isEqualTo("messages");
		assertThat(error(noMessages).path("message").asString()).isNotBlank();
		HttpResponse<String> blankSystem = post(KEY,
				"{\"model\":\"archon-primary\",\"messages\":[{\"role\":\"system\",\"content\":\" \"}]}");
		assertThat(blankSystem.statusCode()).isEqualTo(400);
		assertThat(error(blankSystem).path("param").asString()).isEqualTo("messages[0].content");
		HttpResponse<String> unknownModel = post(KEY,
				"{\"model\":\"gpt-17\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		assertThat(unknownModel.statusCode()).isEqualTo(404);
		assertThat(error(unknownModel).path("code").asString()).isEqualTo("model_not_found");
		HttpResponse<String> notJson = post(KEY, "{\"model\":");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(error(notJson).path("code").asString()).isEqualTo("invalid_json");
		assertThatExceptionOfType(ModelNotFoundException.class)
			.isThrownBy(() -> OpenAiChatModel.builder()
				.baseUrl(baseUrl())
				.apiKey(KEY)
				.modelName("gpt-17")
				.maxRetries(0)
				.build()
				.chat("Hi"))
			.withMessageContaining("model_not_found");
	}

	@Test
	void refusesCallersWithoutAKeyInOpenAisBodyOnItsRoutesOnly() throws Exception {
		HttpResponse<String> response = post("not-a-key",
				"{\"model\":\"archon-primary\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(error(response).path("code").asString()).isEqualTo("invalid_api_key");
		assertThat(response.body()).doesNotContain("not-a-key");
		HttpResponse<String> providers = this.http.send(request("not-a-key", "/api/v1/llm/providers").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(providers.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void countsUsagePerKeyAndProviderWithoutTheKey() throws Exception {
		chatModel(OTHER_KEY).chat("One.");
		chatModel(OTHER_KEY).chat("Two.");
		stream(OTHER_KEY).done().get(20, TimeUnit.SECONDS);
		HttpResponse<String> response = this.http.send(request(KEY, "/api/v1/llm/usage").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain(OTHER_KEY).doesNotContain(KEY);
		JsonNode usage = json.readTree(response.body());
		JsonNode other = usage.path("byKey")
			.valueStream()
			.filter((total) -> total.path("name").asString().equals(ApiKeys.label(OTHER_KEY)))
			.findFirst()
			.orElseThrow();
		assertThat(other.path("requests").asLong()).isEqualTo(3);
		assertThat(other.path("inputTokens").asLong()).isPositive();
		assertThat(other.path("outputTokens").asLong()).isPositive();
		assertThat(other.path("cost").decimalValue()).isPositive();
		assertThat(usage.path("byProvider").valueStream().map((total) -> total.path("name").asString()))
			.contains("sim-openai");
	}

	private String answeringModel() {
		return chatModel(KEY).chat(dev.langchain4j.data.message.UserMessage.from("Hello")).metadata().modelName();
	}

	private double failovers(String reason) {
		return this.meters.find("archon.llm.failovers")
			.tag("reason", reason)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private OpenAiChatModel chatModel(String key) {
		return OpenAiChatModel.builder()
			.baseUrl(baseUrl())
			.apiKey(key)
			.modelName(GatewayModels.PRIMARY)
			.maxRetries(0)
			.timeout(Duration.ofSeconds(20))
			.build();
	}

	private Streamed stream(String key) {
		OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
			.baseUrl(baseUrl())
			.apiKey(key)
			.modelName(GatewayModels.PRIMARY)
			.timeout(Duration.ofSeconds(20))
			.build();
		Streamed streamed = new Streamed(new CopyOnWriteArrayList<>(), new CompletableFuture<>());
		model.chat("Write a short poem about failover.", new StreamingChatResponseHandler() {

			@Override
			public void onPartialResponse(String partial) {
				streamed.pieces().add(partial);
			}

			@Override
			public void onCompleteResponse(ChatResponse response) {
				streamed.done().complete(response);
			}

			@Override
			public void onError(Throwable error) {
				streamed.done().completeExceptionally(error);
			}

		});
		return streamed;
	}

	private HttpResponse<String> post(String key, String body) throws IOException, InterruptedException {
		return this.http.send(request(key, "/v1/chat/completions").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String key, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + key)
			.timeout(Duration.ofSeconds(20));
	}

	private static JsonNode error(HttpResponse<String> response) {
		JsonNode body = json.readTree(response.body());
		assertThat(body.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("error");
		return body.path("error");
	}

	private String baseUrl() {
		return "http://localhost:" + this.port + "/v1";
	}

	private record Streamed(List<String> pieces, CompletableFuture<ChatResponse> done) {

	}

}
