package dev.archon.sim.llm.web;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.archon.test.secrets.TestSecrets;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "archon.sim.token=" + SimHttp.TOKEN)
class LlmFaultsApiTests {

	static final String CHAT = """
			{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are the reasoner of Archon."},
			 {"role":"user","content":"A garden weather agent"}]%s}""";

	static final String MESSAGE = """
			{"model":"claude-sonnet-4-5","max_tokens":4000,"system":"You are the advisor of Archon.","messages":[{"role":"user","content":"Advise."}]}""";

	static final String[] OPENAI = { "Authorization", "Bearer " + TestSecrets.LLM_PROVIDER_KEY, "Content-Type",
			"application/json" };

	static final String[] ANTHROPIC = { "x-api-key", TestSecrets.LLM_PROVIDER_KEY, "anthropic-version", "2023-06-01" };

	@LocalServerPort
	int port;

	SimHttp http;

	@BeforeEach
	void reset() throws Exception {
		this.http = new SimHttp(this.port);
		this.http.control("DELETE", "/_sim/llm/faults", null);
		this.http.control("DELETE", "/_sim/llm/stats", null);
	}

	@AfterEach
	void clear() throws Exception {
		this.http.control("DELETE", "/_sim/llm/faults", null);
	}

	@Test
	void controlEndpointsRequireTheSimToken() throws Exception {
		String fault = "{\"provider\":\"openai\",\"mode\":\"status\"}";

		assertThat(this.http.post("/_sim/llm/faults", fault).statusCode()).isEqualTo(401);
		assertThat(this.http.post("/_sim/llm/faults", fault, "Authorization", "Bearer wrong").statusCode())
			.isEqualTo(401);
		assertThat(this.http.delete("/_sim/llm/faults", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
		assertThat(this.http.post("/_sim/llm/latency", "{}", "Authorization", "Bearer wrong").statusCode())
			.isEqualTo(401);
		assertThat(this.http.get("/_sim/llm/stats").statusCode()).isEqualTo(401);
		assertThat(this.http.post("/v1/chat/completions", CHAT.formatted(""), OPENAI).statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsUnknownProvidersAndModes() throws Exception {
		assertThat(this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"gemini\",\"mode\":\"status\"}")
			.statusCode()).isEqualTo(400);
		assertThat(this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"openai\",\"mode\":\"explode\"}")
			.statusCode()).isEqualTo(400);
		assertThat(this.http
			.control("POST", "/_sim/llm/faults", "{\"provider\":\"openai\",\"mode\":\"status\",\"rate\":2}")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void statusFaultAnswersTheProvidersErrorWithRetryAfterAndSparesTheOtherProvider() throws Exception {
		this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"openai\",\"mode\":\"status\",\"status\":429}");

		HttpResponse<String> openAi = this.http.post("/v1/chat/completions", CHAT.formatted(""), OPENAI);
		HttpResponse<String> anthropic = this.http.post("/anthropic/v1/messages", MESSAGE, ANTHROPIC);

		assertThat(openAi.statusCode()).isEqualTo(429);
		assertThat(openAi.headers().firstValue("Retry-After")).hasValue("1");
		JsonNode error = SimHttp.json(openAi.body()).path("error");
		assertThat(error.path("code").asString()).isEqualTo("rate_limit_exceeded");
		assertThat(error.has("message") && error.has("type") && error.has("param")).isTrue();
		assertThat(anthropic.statusCode()).isEqualTo(200);
	}

	@Test
	void statusFaultDefaultsTo503ForOpenAiAndCarriesAnErrorCode() throws Exception {
		this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"openai\",\"mode\":\"status\"}");
		HttpResponse<String> overloaded = this.http.post("/v1/chat/completions", CHAT.formatted(""), OPENAI);
		this.http.control("POST", "/_sim/llm/faults",
				"{\"provider\":\"openai\",\"mode\":\"status\",\"status\":429,\"code\":\"insufficient_quota\"}");
		HttpResponse<String> quota = this.http.post("/v1/chat/completions", CHAT.formatted(""), OPENAI);

		assertThat(overloaded.statusCode()).isEqualTo(503);
		assertThat(overloaded.headers().firstValue("Retry-After")).isPresent();
		assertThat(SimHttp.json(overloaded.body()).path("error").path("type").asString()).isEqualTo("server_error");
		assertThat(SimHttp.json(quota.body()).path("error").path("type").asString()).isEqualTo("insufficient_quota");
	}

	@Test
	void rateAffectsEverySecondRequestWhenHalf() throws Exception {
		this.http.control("POST", "/_sim/llm/faults",
				"{\"provider\":\"openai\",\"mode\":\"status\",\"status\":500,\"rate\":0.5}");

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			statuses.add(this.http.post("/v1/chat/completions", CHAT.formatted(""), OPENAI).statusCode());
		}

		assertThat(statuses).containsExactly(200, 500, 200, 500, 200, 500);
	}

	@Test
	void timeoutHoldsTheRequestUntilTheClientGivesUp() throws Exception {
		this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"openai\",\"mode\":\"timeout\"}");

		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(
				() -> this.http.post("/v1/chat/completions", CHAT.formatted(""), Duration.ofMillis(500), OPENAI));
	}

	@Test
	void heldRequestsAreAnsweredOnceTheFaultIsLifted() throws Exception {
		this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"anthropic\",\"mode\":\"timeout\"}");
		CompletableFuture<HttpResponse<String>> held = CompletableFuture
			.supplyAsync(() -> call(() -> this.http.post("/anthropic/v1/messages", MESSAGE, ANTHROPIC)));
		org.awaitility.Awaitility.await().until(() -> stats().path("anthropic").path("faulted").asInt() == 1);

		this.http.control("DELETE", "/_sim/llm/faults", null);

		assertThat(held.get().statusCode()).isEqualTo(200);
	}

	@Test
	void timeoutWithMsAnswers504WhenTheTimeRunsOut() throws Exception {
		this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"anthropic\",\"mode\":\"timeout\",\"ms\":50}");

		HttpResponse<String> response = this.http.post("/anthropic/v1/messages", MESSAGE, ANTHROPIC);

		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(SimHttp.json(response.body()).path("error").path("type").asString()).isEqualTo("timeout_error");
	}

	@Test
	void slowDelaysTheFirstTokenAfterTheStreamStarted() throws Exception {
		this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"openai\",\"mode\":\"slow\",\"ms\":5000}");

		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(
				() -> this.http.post("/v1/chat/completions", CHAT.formatted(""), Duration.ofMillis(500), OPENAI));
		this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"openai\",\"mode\":\"slow\",\"ms\":1}");
		SimHttp.Streamed streamed = this.http.stream("/v1/chat/completions", CHAT.formatted(",\"stream\":true"),
				OPENAI);
		assertThat(streamed.data().getLast()).isEqualTo("[DONE]");
	}

	@Test
	void dropMidStreamSendsSomeChunksThenBreaksTheConnection() throws Exception {
		this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"openai\",\"mode\":\"drop-mid-stream\"}");

		SimHttp.Streamed streamed = this.http.stream("/v1/chat/completions", CHAT.formatted(",\"stream\":true"),
				OPENAI);

		assertThat(streamed.response().statusCode()).isEqualTo(200);
		assertThat(streamed.failure()).isNotNull();
		assertThat(streamed.data()).hasSizeGreaterThan(2).doesNotContain("[DONE]");
		assertThat(SimHttp.json(streamed.data().get(1)).path("choices").get(0).path("delta").path("content").asString())
			.isNotEmpty();
	}

	@Test
	void dropMidStreamBreaksAnAnthropicStreamAndANonStreamedAnswer() throws Exception {
		this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"anthropic\",\"mode\":\"drop-mid-stream\"}");

		SimHttp.Streamed streamed = this.http.stream("/anthropic/v1/messages",
				MESSAGE.replace("\"max_tokens\"", "\"stream\":true,\"max_tokens\""), ANTHROPIC);

		assertThat(streamed.failure()).isNotNull();
		assertThat(streamed.events()).contains("content_block_delta").doesNotContain("message_stop");
		assertThat(call(() -> this.http.stream("/anthropic/v1/messages", MESSAGE, ANTHROPIC)).failure()).isNotNull();
	}

	@Test
	void latencyIsSetPerProviderAndResetWithTheFaults() throws Exception {
		HttpResponse<String> set = this.http.control("POST", "/_sim/llm/latency",
				"{\"provider\":\"anthropic\",\"fixedMs\":5,\"perTokenMs\":1}");

		JsonNode settings = SimHttp.json(set.body());
		assertThat(settings.path("anthropic").path("latency").path("fixedMs").asInt()).isEqualTo(5);
		assertThat(settings.path("openai").path("latency").path("fixedMs").asInt()).isZero();
		SimHttp.Streamed streamed = this.http.stream("/anthropic/v1/messages",
				MESSAGE.replace("\"max_tokens\"", "\"stream\":true,\"max_tokens\""), ANTHROPIC);
		assertThat(streamed.events().getLast()).isEqualTo("message_stop");
		JsonNode reset = SimHttp.json(this.http.control("DELETE", "/_sim/llm/faults", null).body());
		assertThat(reset.path("anthropic").path("latency").path("perTokenMs").asInt()).isZero();
	}

	@Test
	void statsCountRequestsPerProviderAndStep() throws Exception {
		this.http.post("/v1/chat/completions", CHAT.formatted(""), OPENAI);
		this.http.post("/v1/chat/completions", CHAT.formatted(",\"stream\":true"), OPENAI);
		this.http.post("/anthropic/v1/messages", MESSAGE, ANTHROPIC);
		this.http.post("/anthropic/v1/messages", MESSAGE, "anthropic-version", "2023-06-01");

		JsonNode stats = stats();

		assertThat(stats.path("openai").path("requests").asInt()).isEqualTo(2);
		assertThat(stats.path("openai").path("completed").asInt()).isEqualTo(2);
		assertThat(stats.path("openai").path("streamed").asInt()).isEqualTo(1);
		assertThat(stats.path("openai").path("steps").path("scope").asInt()).isEqualTo(2);
		assertThat(stats.path("anthropic").path("requests").asInt()).isEqualTo(2);
		assertThat(stats.path("anthropic").path("steps").path("advisor").asInt()).isEqualTo(1);
		assertThat(stats.path("anthropic").path("completionTokens").asInt()).isPositive();
	}

	private JsonNode stats() throws Exception {
		return SimHttp.json(this.http.control("GET", "/_sim/llm/stats", null).body());
	}

	private static <T> T call(Call<T> call) {
		try {
			return call.call();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	interface Call<T> {

		T call() throws Exception;

	}

}
