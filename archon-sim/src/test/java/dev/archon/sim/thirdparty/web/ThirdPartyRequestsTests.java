package dev.archon.sim.thirdparty.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.sim.thirdparty.ReceivedRequest;
import dev.archon.sim.thirdparty.ReceivedRequests;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "archon.sim.token=" + ThirdPartyRequestsTests.TOKEN)
class ThirdPartyRequestsTests {

	static final String TOKEN = TestSecrets.SIMULATOR_TOKEN;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ReceivedRequests received;

	@Test
	void recordsWhatAFakeReceivedAndAnswered() throws Exception {
		this.received.clear();
		send(HttpRequest.newBuilder(uri("/thirdparty/slack/api/chat.postMessage?trace=1"))
			.header("Authorization", "Bearer " + TestSecrets.SLACK_BOT_TOKEN)
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"#digest\",\"text\":\"hello\"}")));

		assertThat(this.received.of("slack")).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/api/chat.postMessage");
			assertThat(request.query()).containsEntry("trace", List.of("1"));
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + TestSecrets.SLACK_BOT_TOKEN);
			assertThat(request.body()).isEqualTo("{\"channel\":\"#digest\",\"text\":\"hello\"}");
			assertThat(request.status()).isEqualTo(200);
			assertThat(request.response()).contains("\"ok\":true");
		});
	}

	@Test
	void showsAndForgetsTheRequestsBehindTheSimulatorsToken() throws Exception {
		this.received.clear();
		send(HttpRequest.newBuilder(uri("/thirdparty/pages/garden-watering")));
		assertThat(send(HttpRequest.newBuilder(uri("/_sim/thirdparty/requests"))).statusCode()).isEqualTo(401);

		HttpResponse<String> shown = send(HttpRequest.newBuilder(uri("/_sim/thirdparty/requests?api=pages"))
			.header("Authorization", "Bearer " + TOKEN));
		JsonNode requests = JsonMapper.shared().readTree(shown.body());
		assertThat(requests).hasSize(1);
		assertThat(requests.get(0).path("path").asString()).isEqualTo("/garden-watering");

		send(HttpRequest.newBuilder(uri("/_sim/thirdparty/requests"))
			.header("Authorization", "Bearer " + TOKEN)
			.DELETE());
		assertThat(this.received.all()).extracting(ReceivedRequest::api).doesNotContain("pages");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
