package dev.archon.agentgen.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each version was made from, on the job and on the version: generations through the
 * built-in composer alone (no provider configured), against a fake archon-vector, the
 * real PostgreSQL and Redis.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "archon.agentgen.jobs.poll-interval=200ms" })
@UsesRealServices
// Closed afterwards, so that its workers do not take the jobs of the next test class.
@DirtiesContext
class JobProvenanceIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final FakeVector vector = startVector();

	@DynamicPropertySource
	static void vector(DynamicPropertyRegistry registry) {
		registry.add("archon.agentgen.pipeline.vector-url", vector::url);
	}

	@AfterAll
	static void stopVector() {
		vector.close();
	}

	@LocalServerPort
	int port;

	@Test
	void showsThePlanAndTheToolsWithWhyOnTheJobAndOnEachVersion() throws IOException, InterruptedException {
		// given a job whose version 1 the built-in composer writes
		vector.documenting(false);
		String location = submit(
				"An agent that watches my GitHub repository's new issues and posts a daily digest to a Slack channel");
		JsonNode job = api().awaitFinished(location);
		assertThat(job.path("status").asString()).isEqualTo("succeeded");

		// then the job shows the plan its files implement, and each tool with why
		JsonNode plan = job.path("plan");
		assertThat(plan.path("trigger").path("mode").asString()).isEqualTo("schedule");
		assertThat(plan.path("trigger").path("cron").asString()).isNotBlank();
		assertThat(strings(plan.path("sources"))).containsExactly("github");
		assertThat(strings(plan.path("sinks"))).containsExactly("slack");
		assertThat(strings(plan.path("steps"))).contains("filter", "digest");
		assertThat(job.path("tools")).isNotEmpty()
			.allSatisfy((tool) -> assertThat(tool.path("reason").asString()).isNotBlank());
		assertThat(job.path("tools"))
			.anySatisfy((tool) -> assertThat(tool.path("name").asString()).isEqualTo("github_list_issues"))
			.filteredOn((tool) -> tool.path("name").asString().equals("github_list_issues"))
			.singleElement()
			.satisfies((tool) -> assertThat(tool.path("reason").asString()).contains("the plan reads GitHub issues"));
		// nothing was found, so nothing grounds it
		assertThat(job.path("pages")).isEmpty();
		assertThat(job.path("grounded").asBoolean()).isFalse();

		// and the event that finished the version tells the same
		JsonNode done = json.readTree(api().events(location, null).getLast().data());
		assertThat(done.path("type").asString()).isEqualTo("job-succeeded");
		assertThat(done.path("plan")).isEqualTo(plan);
		assertThat(done.path("tools")).isEqualTo(job.path("tools"));
		assertThat(done.path("grounded").asBoolean(true)).isFalse();

		// when feedback makes version 2
		message(location, "Also post to Discord");
		JsonNode second = api().awaitFinished(location);
		assertThat(second.path("filesVersion").asInt()).isEqualTo(2);

		// then each version keeps its own plan
		assertThat(strings(second.path("plan").path("sinks"))).containsExactlyInAnyOrder("slack", "discord");
		JsonNode first = api().get(location + "/versions/1");
		assertThat(strings(first.path("plan").path("sinks"))).containsExactly("slack");
		assertThat(first.path("grounded").asBoolean(true)).isFalse();
		assertThat(first.path("tools").toString()).isEqualTo(job.path("tools").toString());
		JsonNode latest = api().get(location + "/versions/2");
		assertThat(latest.path("plan")).isEqualTo(second.path("plan"));
		assertThat(latest.path("files")).hasSize(5);
	}

	@Test
	void listsThePagesUsedAndIsGroundedOnlyWhenOneWasUsed() {
		// given archon-vector finds the page on tools, whose code the composer follows
		vector.documenting(true);
		String location = submit("A chat assistant that tells me the time in Tokyo");
		JsonNode job = api().awaitFinished(location);

		assertThat(job.path("status").asString()).isEqualTo("succeeded");
		assertThat(job.path("plan").path("trigger").path("mode").asString()).isEqualTo("chat");
		assertThat(strings(job.path("plan").path("sinks"))).containsExactly("terminal");
		assertThat(job.path("pages")).singleElement().satisfies((page) -> {
			assertThat(page.path("url").asString()).isEqualTo(FakeVector.PAGE_URL);
			assertThat(page.path("title").asString()).isEqualTo("Function Tools");
			assertThat(page.path("score").asDouble()).isEqualTo(0.81);
		});
		assertThat(job.path("grounded").asBoolean()).isTrue();
		JsonNode version = api().get(location + "/versions/1");
		assertThat(version.path("grounded").asBoolean()).isTrue();
		assertThat(version.path("pages")).isEqualTo(job.path("pages"));
		assertThat(version.path("files").toString()).contains(FakeVector.PAGE_URL);
	}

	private String submit(String description) {
		return api()
			.post("{\"description\":\"" + description + " " + UUID.randomUUID()
					+ "\",\"refinements\":0,\"cache\":false}", null)
			.getHeaders()
			.getLocation()
			.toString();
	}

	private void message(String location, String message) {
		HttpStatus status = api().client()
			.post()
			.uri(location + "/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"message\":\"" + message + "\"}")
			.exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
		assertThat(status).isEqualTo(HttpStatus.ACCEPTED);
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((value) -> strings.add(value.asString()));
		return strings;
	}

	private AgentsApi api() {
		return new AgentsApi(this.port);
	}

	private static FakeVector startVector() {
		try {
			return new FakeVector();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
