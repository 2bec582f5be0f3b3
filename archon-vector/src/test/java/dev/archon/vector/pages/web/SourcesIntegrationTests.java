package dev.archon.vector.pages.web;

import java.util.List;

import dev.archon.api.wire.vector.SourceSummary;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import dev.archon.vector.VectorApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = VectorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "management.server.port=0" })
@UsesRealServices
class SourcesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	RestClient client;

	@BeforeEach
	void setUp() {
		this.client = RestClient.builder().baseUrl("http://localhost:" + this.port).build();
		this.jdbc.sql("DELETE FROM site_pages WHERE source = 'sources_test'").update();
		String vector = "[" + "0,".repeat(383) + "1]";
		for (int chunk = 0; chunk < 3; chunk++) {
			this.jdbc.sql("""
					INSERT INTO site_pages (source, url, chunk_number, title, summary, content, embedding)
					VALUES ('sources_test', :url, :chunk, 't', 's', 'c', CAST(:vector AS vector))
					""")
				.param("url", "https://example.test/" + (chunk % 2))
				.param("chunk", chunk)
				.param("vector", vector)
				.update();
		}
	}

	@Test
	void listsSourcesWithAnApiKey() {
		ResponseEntity<List<SourceSummary>> response = this.client.get()
			.uri("/api/v1/vector/sources")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestSecrets.API_KEY)
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).filteredOn((summary) -> summary.source().equals("sources_test"))
			.singleElement()
			.satisfies((summary) -> {
				assertThat(summary.pages()).isEqualTo(2);
				assertThat(summary.chunks()).isEqualTo(3);
				assertThat(summary.lastIngestedAt()).isNotNull();
			});
	}

	@Test
	void answersDeletionOfAnUnknownSourceWithAProblem() {
		ResponseEntity<String> response = this.client.delete()
			.uri("/api/v1/vector/sources/no_such_source")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestSecrets.API_KEY)
			.exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode())
				.headers(answer.getHeaders())
				.body(new String(answer.getBody().readAllBytes())));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getBody()).contains("no_such_source").contains("not-found");
	}

	@Test
	void deletesAStoredSource() {
		HttpStatus status = this.client.delete()
			.uri("/api/v1/vector/sources/sources_test")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestSecrets.API_KEY)
			.exchange((request, answer) -> HttpStatus.valueOf(answer.getStatusCode().value()));
		assertThat(status).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.jdbc.sql("SELECT count(*) FROM site_pages WHERE source = 'sources_test'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesSourcesWithoutAnApiKey() {
		HttpStatus status = this.client.get()
			.uri("/api/v1/vector/sources")
			.exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
		assertThat(status).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

}
