package dev.archon.agentgen.llm;

import dev.archon.api.wire.agents.ProviderState;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "archon.api.keys=" + TestSecrets.API_KEY)
@UsesRealServices
// Closed afterwards, so that its workers do not take the jobs of the next test class.
@DirtiesContext
class ProvidersEndpointIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ProviderPool pool;

	@Test
	void listsProvidersWithTheBuiltinLast() {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		String body = client.get()
			.uri("/api/v1/llm/providers")
			.header("Authorization", "Bearer " + TestSecrets.API_KEY)
			.retrieve()
			.body(String.class);
		assertThat(body).contains("\"name\":\"builtin\"").contains("\"circuit\":\"CLOSED\"");
		assertThat(this.pool.states()).last().extracting(ProviderState::name).isEqualTo("builtin");
	}

	@Test
	void refusesCallersWithoutAKey() {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		HttpStatusCode status = client.get()
			.uri("/api/v1/llm/providers")
			.exchange((request, response) -> response.getStatusCode());
		assertThat(status).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

}
