package dev.archon.sim.llm.web;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.archon.sim.llm.CoderAnswerParser;
import dev.archon.test.secrets.TestSecrets;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "archon.sim.token=" + SimHttp.TOKEN)
class OpenAiApiTests {

	static final String KEY = "Bearer " + TestSecrets.LLM_PROVIDER_KEY;

	static final String CODER = """
			{"model":"gpt-4o-mini","messages":[
			 {"role":"system","content":"You write agents.\\nYou are the coder of Archon."},
			 {"role":"user","content":[{"type":"text","text":"The agent to build:\\nAn agent that tracks the weather forecast for my garden\\n\\nWrite the five files."}]}]%s}""";

	@LocalServerPort
	int port;

	SimHttp http;

	@BeforeEach
	void reset() throws Exception {
		this.http = new SimHttp(this.port);
		this.http.control("DELETE", "/_sim/llm/faults", null);
	}

	@Test
	void answersAChatCompletionInOpenAisShape() throws Exception {
		HttpResponse<String> response = this.http.post("/v1/chat/completions", CODER.formatted(""), "Authorization",
				KEY, "Content-Type", "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = SimHttp.json(response.body());
		assertThat(body.path("id").asString()).startsWith("chatcmpl-");
		assertThat(body.path("object").asString()).isEqualTo("chat.completion");
		assertThat(body.path("created").asLong()).isPositive();
		assertThat(body.path("model").asString()).isEqualTo("gpt-4o-mini");
		JsonNode choice = body.path("choices").get(0);
		assertThat(choice.path("index").asInt()).isZero();
		assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
		assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
		String content = choice.path("message").path("content").asString();
		assertThat(CoderAnswerParser.files(content)).hasSize(5);
		JsonNode usage = body.path("usage");
		assertThat(usage.path("completion_tokens").asInt()).isEqualTo((content.length() + 3) / 4);
		assertThat(usage.path("total_tokens").asInt())
			.isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
	}

	@Test
	void streamsRoleChunkThenContentThenFinishThenUsageThenDone() throws Exception {
		SimHttp.Streamed streamed = this.http.stream("/v1/chat/completions",
				CODER.formatted(",\"stream\":true,\"stream_options\":{\"include_usage\":true}"), "Authorization", KEY);

		assertThat(streamed.failure()).isNull();
		assertThat(streamed.response().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> data = streamed.data();
		assertThat(data.getLast()).isEqualTo("[DONE]");
		JsonNode first = SimHttp.json(data.getFirst());
		assertThat(first.path("object").asString()).isEqualTo("chat.completion.chunk");
		assertThat(first.path("choices").get(0).path("delta").path("role").asString()).isEqualTo("assistant");
		JsonNode finish = SimHttp.json(data.get(data.size() - 3));
		assertThat(finish.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
		JsonNode usage = SimHttp.json(data.get(data.size() - 2));
		assertThat(usage.path("choices").isEmpty()).isTrue();
		assertThat(usage.path("usage").path("total_tokens").asInt()).isPositive();
		StringBuilder content = new StringBuilder();
		for (String chunk : data.subList(1, data.size() - 3)) {
			JsonNode json = SimHttp.json(chunk);
			assertThat(json.path("id").asString()).isEqualTo(first.path("id").asString());
			assertThat(json.has("usage")).isTrue();
			content.append(json.path("choices").get(0).path("delta").path("content").asString());
		}
		assertThat(data.size()).isGreaterThan(100);
		assertThat(CoderAnswerParser.files(content.toString())).hasSize(5);
		HttpResponse<String> whole = this.http.post("/v1/chat/completions", CODER.formatted(""), "Authorization", KEY);
		assertThat(content.toString())
			.isEqualTo(SimHttp.json(whole.body()).path("choices").get(0).path("message").path("content").asString());
	}

	@Test
	void streamsWithoutUsageChunkUnlessAskedFor() throws Exception {
		SimHttp.Streamed streamed = this.http.stream("/v1/chat/completions", CODER.formatted(",\"stream\":true"),
				"Authorization", KEY);

		List<String> data = streamed.data();
		assertThat(data.getLast()).isEqualTo("[DONE]");
		JsonNode last = SimHttp.json(data.get(data.size() - 2));
		assertThat(last.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
		assertThat(last.has("usage")).isFalse();
	}

	@Test
	void cutsTheAnswerAtMaxTokensWithFinishReasonLength() throws Exception {
		HttpResponse<String> response = this.http.post("/v1/chat/completions",
				CODER.formatted(",\"max_completion_tokens\":10"), "Authorization", KEY);

		JsonNode body = SimHttp.json(response.body());
		assertThat(body.path("choices").get(0).path("finish_reason").asString()).isEqualTo("length");
		assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(10);
	}

	@Test
	void requiresABearerKey() throws Exception {
		HttpResponse<String> response = this.http.post("/v1/chat/completions", CODER.formatted(""));

		assertThat(response.statusCode()).isEqualTo(401);
		JsonNode error = SimHttp.json(response.body()).path("error");
		assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.has("param")).isTrue();
		assertThat(error.has("code")).isTrue();
		assertThat(this.http.get("/v1/models").statusCode()).isEqualTo(401);
	}

	@Test
	void rejectsMalformedRequestsWithOpenAiErrors() throws Exception {
		HttpResponse<String> notJson = this.http.post("/v1/chat/completions", "{nope", "Authorization", KEY);
		HttpResponse<String> noMessages = this.http.post("/v1/chat/completions", "{\"model\":\"m\",\"messages\":[]}",
				"Authorization", KEY);

		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(SimHttp.json(notJson.body()).path("error").path("type").asString())
			.isEqualTo("invalid_request_error");
		assertThat(noMessages.statusCode()).isEqualTo(400);
		assertThat(SimHttp.json(noMessages.body()).path("error").path("param").asString()).isEqualTo("messages");
	}

	@Test
	void embedsDeterministicallyWithTheRequestedDimensions() throws Exception {
		String request = "{\"model\":\"text-embedding-3-small\",\"input\":[\"kitchen lights\",\"garden\"],\"dimensions\":256}";

		JsonNode first = SimHttp.json(this.http.post("/v1/embeddings", request, "Authorization", KEY).body());
		JsonNode again = SimHttp.json(this.http.post("/v1/embeddings", request, "Authorization", KEY).body());

		assertThat(first.path("object").asString()).isEqualTo("list");
		assertThat(first.path("data")).hasSize(2);
		JsonNode vector = first.path("data").get(0).path("embedding");
		assertThat(vector).hasSize(256);
		double norm = 0;
		for (JsonNode value : vector.values()) {
			norm += value.asDouble() * value.asDouble();
		}
		assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
		assertThat(again.path("data")).isEqualTo(first.path("data"));
		assertThat(first.path("data").get(1).path("index").asInt()).isEqualTo(1);
		assertThat(first.path("usage").path("prompt_tokens").asInt()).isPositive();
	}

	@Test
	void embedsWith1536DimensionsByDefaultAndAsBase64OnRequest() throws Exception {
		JsonNode floats = SimHttp.json(this.http
			.post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}", "Authorization", KEY)
			.body());
		JsonNode base64 = SimHttp.json(this.http
			.post("/v1/embeddings", "{\"model\":\"m\",\"input\":\"x\",\"encoding_format\":\"base64\"}", "Authorization",
					KEY)
			.body());

		assertThat(floats.path("data").get(0).path("embedding")).hasSize(1536);
		assertThat(Base64.getDecoder().decode(base64.path("data").get(0).path("embedding").asString()))
			.hasSize(1536 * 4);
	}

	@Test
	void listsModels() throws Exception {
		JsonNode models = SimHttp.json(this.http.get("/v1/models", "Authorization", KEY).body());

		assertThat(models.path("object").asString()).isEqualTo("list");
		assertThat(models.path("data").get(0).path("object").asString()).isEqualTo("model");
	}

	static final String DOCUMENTATION_TOOLS = """
			,"tools":[{"type":"function","function":{"name":"retrieve_relevant_documentation",
			 "description":"Search the documentation","parameters":{"type":"object",
			 "properties":{"query":{"type":"string"}},"required":["query"]}}}]""";

	static final String CODER_WITH_TOOL_RESULT = """
			{"model":"gpt-4o-mini","messages":[
			 {"role":"system","content":"You are the coder of Archon."},
			 {"role":"user","content":"The agent to build:\\nAn agent that tracks the weather forecast for my garden\\n\\nWrite the five files."},
			 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
			  "function":{"name":"retrieve_relevant_documentation","arguments":"{\\"query\\":\\"weather\\"}"}}]},
			 {"role":"tool","tool_call_id":"call_1","content":"## Tools — https://ai.pydantic.dev/tools/\\nRegister a tool with @agent.tool."}]%s}""";

	@Test
	void callsTheDocumentationSearchWhenTheCoderIsOfferedIt() throws Exception {
		HttpResponse<String> response = this.http.post("/v1/chat/completions", CODER.formatted(DOCUMENTATION_TOOLS),
				"Authorization", KEY, "Content-Type", "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode choice = SimHttp.json(response.body()).path("choices").get(0);
		assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
		JsonNode message = choice.path("message");
		assertThat(message.path("content").isNull()).isTrue();
		JsonNode call = message.path("tool_calls").get(0);
		assertThat(call.path("id").asString()).startsWith("call_");
		assertThat(call.path("type").asString()).isEqualTo("function");
		assertThat(call.path("function").path("name").asString()).isEqualTo("retrieve_relevant_documentation");
		JsonNode arguments = SimHttp.json(call.path("function").path("arguments").asString());
		assertThat(arguments.path("query").asString())
			.isEqualTo("An agent that tracks the weather forecast for my garden");
	}

	@Test
	void streamsTheToolCallAsToolCallDeltas() throws Exception {
		SimHttp.Streamed streamed = this.http.stream("/v1/chat/completions",
				CODER.formatted(DOCUMENTATION_TOOLS + ",\"stream\":true"), "Authorization", KEY);

		assertThat(streamed.failure()).isNull();
		List<String> data = streamed.data();
		JsonNode first = SimHttp.json(data.getFirst()).path("choices").get(0).path("delta").path("tool_calls").get(0);
		assertThat(first.path("id").asString()).startsWith("call_");
		assertThat(first.path("function").path("name").asString()).isEqualTo("retrieve_relevant_documentation");
		StringBuilder arguments = new StringBuilder();
		for (String chunk : data.subList(1, data.size() - 2)) {
			arguments.append(SimHttp.json(chunk)
				.path("choices")
				.get(0)
				.path("delta")
				.path("tool_calls")
				.get(0)
				.path("function")
				.path("arguments")
				.asString());
		}
		assertThat(SimHttp.json(arguments.toString()).path("query").asString()).contains("weather forecast");
		JsonNode finish = SimHttp.json(data.get(data.size() - 2));
		assertThat(finish.path("choices").get(0).path("finish_reason").asString()).isEqualTo("tool_calls");
	}

	@Test
	void writesTheFilesCitingThePageOnceTheToolAnswered() throws Exception {
		HttpResponse<String> response = this.http.post("/v1/chat/completions",
				CODER_WITH_TOOL_RESULT.formatted(DOCUMENTATION_TOOLS), "Authorization", KEY, "Content-Type",
				"application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode choice = SimHttp.json(response.body()).path("choices").get(0);
		assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
		String content = choice.path("message").path("content").asString();
		assertThat(CoderAnswerParser.files(content).get("agent.py")).contains("https://ai.pydantic.dev/tools/");
	}

	@Test
	void answersWithTextWhenToolsMayNotBeCalled() throws Exception {
		HttpResponse<String> response = this.http.post("/v1/chat/completions",
				CODER.formatted(DOCUMENTATION_TOOLS + ",\"tool_choice\":\"none\""), "Authorization", KEY,
				"Content-Type", "application/json");

		JsonNode choice = SimHttp.json(response.body()).path("choices").get(0);
		assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
		assertThat(CoderAnswerParser.files(choice.path("message").path("content").asString())).hasSize(5);
	}

}
