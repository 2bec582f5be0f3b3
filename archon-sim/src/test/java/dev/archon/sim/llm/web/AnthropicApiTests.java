package dev.archon.sim.llm.web;

import java.net.http.HttpResponse;
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
class AnthropicApiTests {

	static final String[] HEADERS = { "x-api-key", TestSecrets.LLM_PROVIDER_KEY, "anthropic-version", "2023-06-01",
			"Content-Type", "application/json" };

	static final String CODER = """
			{"model":"claude-sonnet-4-5","max_tokens":16000,
			 "system":[{"type":"text","text":"You write agents.\\nYou are the coder of Archon."}],
			 "messages":[{"role":"user","content":"The agent to build:\\nTurn the kitchen lights on at sunset\\n\\nWrite the five files."}]%s}""";

	@LocalServerPort
	int port;

	SimHttp http;

	@BeforeEach
	void reset() throws Exception {
		this.http = new SimHttp(this.port);
		this.http.control("DELETE", "/_sim/llm/faults", null);
	}

	@Test
	void answersAMessageInAnthropicsShape() throws Exception {
		HttpResponse<String> response = this.http.post("/anthropic/v1/messages", CODER.formatted(""), HEADERS);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = SimHttp.json(response.body());
		assertThat(body.path("id").asString()).startsWith("msg_");
		assertThat(body.path("type").asString()).isEqualTo("message");
		assertThat(body.path("role").asString()).isEqualTo("assistant");
		assertThat(body.path("model").asString()).isEqualTo("claude-sonnet-4-5");
		assertThat(body.path("stop_reason").asString()).isEqualTo("end_turn");
		JsonNode block = body.path("content").get(0);
		assertThat(block.path("type").asString()).isEqualTo("text");
		assertThat(CoderAnswerParser.files(block.path("text").asString())).hasSize(5);
		assertThat(body.path("usage").path("input_tokens").asInt()).isPositive();
		assertThat(body.path("usage").path("output_tokens").asInt()).isPositive();
	}

	@Test
	void streamsTheNamedEventsInOrder() throws Exception {
		SimHttp.Streamed streamed = this.http.stream("/anthropic/v1/messages", CODER.formatted(",\"stream\":true"),
				HEADERS);

		assertThat(streamed.failure()).isNull();
		List<String> events = streamed.events();
		assertThat(events.subList(0, 3)).containsExactly("message_start", "content_block_start", "ping");
		assertThat(events.subList(3, events.size() - 3)).isNotEmpty().containsOnly("content_block_delta");
		assertThat(events.subList(events.size() - 3, events.size())).containsExactly("content_block_stop",
				"message_delta", "message_stop");
		List<String> data = streamed.data();
		JsonNode start = SimHttp.json(data.getFirst()).path("message");
		assertThat(start.path("id").asString()).startsWith("msg_");
		assertThat(start.path("content").isEmpty()).isTrue();
		assertThat(start.path("usage").path("input_tokens").asInt()).isPositive();
		StringBuilder text = new StringBuilder();
		for (String delta : data.subList(3, data.size() - 3)) {
			JsonNode json = SimHttp.json(delta);
			assertThat(json.path("delta").path("type").asString()).isEqualTo("text_delta");
			text.append(json.path("delta").path("text").asString());
		}
		assertThat(CoderAnswerParser.files(text.toString())).hasSize(5);
		JsonNode messageDelta = SimHttp.json(data.get(data.size() - 2));
		assertThat(messageDelta.path("delta").path("stop_reason").asString()).isEqualTo("end_turn");
		assertThat(messageDelta.path("usage").path("output_tokens").asInt()).isEqualTo((text.length() + 3) / 4);
	}

	@Test
	void requiresAnApiKeyAndAVersion() throws Exception {
		HttpResponse<String> noKey = this.http.post("/anthropic/v1/messages", CODER.formatted(""), "anthropic-version",
				"2023-06-01");
		HttpResponse<String> noVersion = this.http.post("/anthropic/v1/messages", CODER.formatted(""), "x-api-key",
				TestSecrets.LLM_PROVIDER_KEY);

		assertThat(noKey.statusCode()).isEqualTo(401);
		assertThat(SimHttp.json(noKey.body()).path("type").asString()).isEqualTo("error");
		assertThat(SimHttp.json(noKey.body()).path("error").path("type").asString()).isEqualTo("authentication_error");
		assertThat(noVersion.statusCode()).isEqualTo(400);
		assertThat(SimHttp.json(noVersion.body()).path("error").path("type").asString())
			.isEqualTo("invalid_request_error");
	}

	@Test
	void answers529OverloadedWithRetryAfter() throws Exception {
		this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"anthropic\",\"mode\":\"status\"}");

		HttpResponse<String> response = this.http.post("/anthropic/v1/messages", CODER.formatted(""), HEADERS);

		assertThat(response.statusCode()).isEqualTo(529);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		JsonNode body = SimHttp.json(response.body());
		assertThat(body.path("type").asString()).isEqualTo("error");
		assertThat(body.path("error").path("type").asString()).isEqualTo("overloaded_error");
	}

	@Test
	void sendsOverloadedErrorEventAfterA200StreamStart() throws Exception {
		this.http.control("POST", "/_sim/llm/faults", "{\"provider\":\"anthropic\",\"mode\":\"error-event\"}");

		SimHttp.Streamed streamed = this.http.stream("/anthropic/v1/messages", CODER.formatted(",\"stream\":true"),
				HEADERS);

		assertThat(streamed.response().statusCode()).isEqualTo(200);
		List<String> events = streamed.events();
		assertThat(events.getFirst()).isEqualTo("message_start");
		assertThat(events).contains("content_block_delta").doesNotContain("message_stop");
		assertThat(events.getLast()).isEqualTo("error");
		JsonNode error = SimHttp.json(streamed.data().getLast());
		assertThat(error.path("type").asString()).isEqualTo("error");
		assertThat(error.path("error").path("type").asString()).isEqualTo("overloaded_error");
	}

	@Test
	void listsModels() throws Exception {
		JsonNode models = SimHttp.json(this.http.get("/anthropic/v1/models", HEADERS).body());

		assertThat(models.path("data").get(0).path("type").asString()).isEqualTo("model");
	}

	static final String DOCUMENTATION_TOOLS = """
			,"tools":[{"name":"retrieve_relevant_documentation","description":"Search the documentation",
			 "input_schema":{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}}]""";

	static final String CODER_WITH_TOOL_RESULT = """
			{"model":"claude-sonnet-4-5","max_tokens":16000,"system":"You are the coder of Archon.",
			 "messages":[{"role":"user","content":"The agent to build:\\nTurn the kitchen lights on at sunset\\n\\nWrite the five files."},
			 {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"retrieve_relevant_documentation",
			  "input":{"query":"lights"}}]},
			 {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1",
			  "content":"## Tools — https://ai.pydantic.dev/tools/\\nRegister a tool with @agent.tool."}]}]%s}""";

	@Test
	void callsTheDocumentationSearchWhenTheCoderIsOfferedIt() throws Exception {
		HttpResponse<String> response = this.http.post("/anthropic/v1/messages", CODER.formatted(DOCUMENTATION_TOOLS),
				HEADERS);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = SimHttp.json(response.body());
		assertThat(body.path("stop_reason").asString()).isEqualTo("tool_use");
		assertThat(body.path("content")).hasSize(1);
		JsonNode block = body.path("content").get(0);
		assertThat(block.path("type").asString()).isEqualTo("tool_use");
		assertThat(block.path("id").asString()).startsWith("toolu_");
		assertThat(block.path("name").asString()).isEqualTo("retrieve_relevant_documentation");
		assertThat(block.path("input").path("query").asString()).isEqualTo("Turn the kitchen lights on at sunset");
	}

	@Test
	void streamsTheToolUseAsInputJsonDeltas() throws Exception {
		SimHttp.Streamed streamed = this.http.stream("/anthropic/v1/messages",
				CODER.formatted(DOCUMENTATION_TOOLS + ",\"stream\":true"), HEADERS);

		assertThat(streamed.failure()).isNull();
		List<String> data = streamed.data();
		JsonNode block = SimHttp.json(data.get(1)).path("content_block");
		assertThat(block.path("type").asString()).isEqualTo("tool_use");
		assertThat(block.path("name").asString()).isEqualTo("retrieve_relevant_documentation");
		assertThat(block.path("input").isEmpty()).isTrue();
		StringBuilder input = new StringBuilder();
		for (String delta : data.subList(3, data.size() - 3)) {
			JsonNode json = SimHttp.json(delta).path("delta");
			assertThat(json.path("type").asString()).isEqualTo("input_json_delta");
			input.append(json.path("partial_json").asString());
		}
		assertThat(SimHttp.json(input.toString()).path("query").asString()).contains("kitchen lights");
		assertThat(SimHttp.json(data.get(data.size() - 2)).path("delta").path("stop_reason").asString())
			.isEqualTo("tool_use");
	}

	@Test
	void writesTheFilesCitingThePageOnceTheToolAnswered() throws Exception {
		HttpResponse<String> response = this.http.post("/anthropic/v1/messages",
				CODER_WITH_TOOL_RESULT.formatted(DOCUMENTATION_TOOLS), HEADERS);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = SimHttp.json(response.body());
		assertThat(body.path("stop_reason").asString()).isEqualTo("end_turn");
		String text = body.path("content").get(0).path("text").asString();
		assertThat(CoderAnswerParser.files(text).get("agent.py")).contains("https://ai.pydantic.dev/tools/");
		// The description is still the user's, not the tool result that came back as
		// a user message.
		assertThat(text).containsIgnoringCase("kitchen");
	}

}
