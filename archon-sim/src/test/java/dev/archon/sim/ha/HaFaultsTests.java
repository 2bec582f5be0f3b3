package dev.archon.sim.ha;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@HaSimTest
class HaFaultsTests {

	@LocalServerPort
	private int port;

	private HaClient client;

	@BeforeEach
	void client() {
		this.client = new HaClient(this.port);
	}

	@AfterEach
	void clear() {
		this.client.delete("/_sim/ha/faults");
	}

	@Test
	void needsTheSimulatorToken() {
		HaClient.Response response = this.client
			.send(HttpRequest.newBuilder(URI.create(this.client.url("/_sim/ha/faults")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"error\"}")));
		assertThat(response.status()).isEqualTo(401);
		assertThat(this.client.get("/api/").status()).isEqualTo(200);
	}

	@Test
	void refusesAnUnknownMode() {
		assertThat(this.client.post("/_sim/ha/faults", "{\"mode\":\"meltdown\"}").status()).isEqualTo(400);
		assertThat(this.client.post("/_sim/ha/faults", "{\"mode\":\"error\",\"rate\":2}").status()).isEqualTo(400);
	}

	@Test
	void errorModeFailsRestAndServiceCallsUntilCleared() {
		assertThat(this.client.post("/_sim/ha/faults", "{\"mode\":\"error\"}").status()).isEqualTo(200);
		HaClient.Response failed = this.client.get("/api/states");
		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.json().has("message")).isTrue();
		try (HaClient.Socket socket = this.client.authenticated()) {
			socket.send("{\"id\":1,\"type\":\"call_service\",\"domain\":\"light\",\"service\":\"turn_on\","
					+ "\"target\":{\"entity_id\":\"light.kitchen\"}}");
			assertThat(socket.next().get("error").get("code").asString()).isEqualTo("home_assistant_error");
		}
		assertThat(this.client.get("/_sim/ha/faults").json().get("mode").asString()).isEqualTo("error");
		assertThat(this.client.delete("/_sim/ha/faults").status()).isEqualTo(204);
		assertThat(this.client.get("/api/states").status()).isEqualTo(200);
	}

	@Test
	void latencyModeStillAnswers() {
		assertThat(this.client.post("/_sim/ha/faults", "{\"mode\":\"latency\",\"ms\":20}").json().get("ms").asLong())
			.isEqualTo(20);
		assertThat(this.client.get("/api/").status()).isEqualTo(200);
		try (HaClient.Socket socket = this.client.authenticated()) {
			socket.send("{\"id\":1,\"type\":\"ping\"}");
			assertThat(socket.next().get("type").asString()).isEqualTo("pong");
		}
	}

	@Test
	void dropWebsocketClosesOpenConnections() {
		try (HaClient.Socket socket = this.client.authenticated()) {
			assertThat(this.client.post("/_sim/ha/faults", "{\"mode\":\"drop-websocket\"}").status()).isEqualTo(200);
			socket.awaitClose();
			assertThat(socket.isClosed()).isTrue();
		}
		try (HaClient.Socket again = this.client.authenticated()) {
			again.send("{\"id\":1,\"type\":\"ping\"}");
			assertThat(again.next().get("type").asString()).isEqualTo("pong");
		}
	}

}
