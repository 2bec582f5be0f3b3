package dev.archon.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.testapp.TestApiApplication;
import dev.archon.test.http.PathSpellings;
import dev.archon.test.http.RawHttp;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a service built on archon-api over real HTTP, through Tomcat, so that errors
 * raised outside Spring MVC (filters, the container's own) are covered too.
 */
@SpringBootTest(classes = TestApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0",
				"archon.api.keys=" + TestSecrets.API_KEY + "," + ArchonApiWebTests.HASHED_KEY_SETTING,
				"archon.api.outbound-key=" + TestSecrets.API_KEY, "archon.api.max-body-size=2KB",
				"logging.level.org.springframework.web=DEBUG", "logging.level.dev.archon=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class ArchonApiWebTests {

	static final String PLAIN_KEY = TestSecrets.API_KEY;

	static final String HASHED_ONLY_KEY = TestSecrets.DIGEST_ONLY_API_KEY;

	static final String HASHED_KEY_SETTING = "sha256:"
			+ "abbf2620118973c1a3b551dd97e07dfc9432252d2cd16af6f3804b9a37a5c5ea";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void refusesApiCallWithoutKeyAsProblem() throws Exception {
		HttpResponse<String> response = send(get("/api/count?n=2").build());
		assertProblem(response, 401, "unauthorized");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
	}

	@Test
	void refusesWrongKey() throws Exception {
		HttpResponse<String> response = send(get("/api/count?n=2").header("Authorization", "Bearer nope").build());
		assertProblem(response, 401, "unauthorized");
		assertThat(body(response).get("detail").asString()).contains("not valid");
	}

	@Test
	void acceptsBearerKeyAndApiKeyHeader() throws Exception {
		assertThat(send(get("/api/count?n=2").header("Authorization", "Bearer " + PLAIN_KEY).build()).statusCode())
			.isEqualTo(200);
		assertThat(send(get("/api/count?n=2").header("X-API-Key", PLAIN_KEY).build()).statusCode()).isEqualTo(200);
	}

	@Test
	void acceptsKeyConfiguredOnlyAsItsDigest() throws Exception {
		assertThat(HASHED_KEY_SETTING).isEqualTo("sha256:" + sha256(HASHED_ONLY_KEY));
		assertThat(send(authorized("/api/count?n=2", HASHED_ONLY_KEY).build()).statusCode()).isEqualTo(200);
	}

	@Test
	void leavesApiDocsOpen() throws Exception {
		HttpResponse<String> response = send(get("/v3/api-docs").build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body(response).get("components").get("securitySchemes").has("apiKey")).isTrue();
	}

	@Test
	void listsEachInvalidFieldOfBody() throws Exception {
		HttpResponse<String> response = send(
				authorized("/api/echo", PLAIN_KEY).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"times\":9}"))
					.build());
		assertProblem(response, 400, "validation");
		JsonNode errors = body(response).get("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("name", "times");
	}

	@Test
	void reportsInvalidParameter() throws Exception {
		HttpResponse<String> response = send(authorized("/api/count?n=99", PLAIN_KEY).build());
		assertProblem(response, 400, "validation");
		assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo("n");
	}

	@Test
	void reportsMalformedJson() throws Exception {
		HttpResponse<String> response = send(
				authorized("/api/echo", PLAIN_KEY).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\": tru"))
					.build());
		assertProblem(response, 400, "malformed-body");
	}

	@Test
	void refusesABodyOfARangeOfMediaTypesAFormOrAnUploadAsUnsupported() throws Exception {
		for (String contentType : List.of("*/*", "application/*", "multipart/form-data",
				"application/x-www-form-urlencoded")) {
			// Neither a form nor an upload: what Tomcat fails to parse as one.
			HttpResponse<String> response = send(authorized("/api/echo", PLAIN_KEY).header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"100%\",\"times\":1}"))
				.build());
			assertProblem(response, 415, "unsupported-media-type");
		}
	}

	@Test
	void namesTheFieldWhoseValueHasTheWrongJsonType() throws Exception {
		assertThat(fieldErrorOf("{\"name\":12345678901,\"times\":1}")).containsEntry("name", "must be a string");
		assertThat(fieldErrorOf("{\"name\":true,\"times\":1}")).containsEntry("name", "must be a string");
		assertThat(fieldErrorOf("{\"name\":\"ada\",\"times\":\"2\"}")).containsEntry("times", "must be an integer");
		assertThat(fieldErrorOf("{\"name\":\"ada\",\"times\":1.5}")).containsEntry("times", "must be an integer");
		assertThat(fieldErrorOf("{\"name\":[\"ada\"],\"times\":1}")).containsEntry("name", "must be a string");
	}

	@Test
	void refusesAMemberTheBodyDoesNotDocument() throws Exception {
		assertThat(fieldErrorOf("{\"name\":\"ada\",\"times\":1,\"entity_id\":\"light.kitchen\"}"))
			.containsEntry("entity_id", "is not a member of this body");
	}

	@Test
	void refusesNulAnywhereInAnUntypedBody() throws Exception {
		for (String json : List.of("{\"a\\u0000b\":\"x\"}", "{\"a\":{\"b\":[\"x\\u0000\"]}}",
				"{\"a\":{\"b\\u0000\":1}}")) {
			HttpResponse<String> response = send(
					authorized("/api/labels", PLAIN_KEY).header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(json))
						.build());
			assertThat(response.statusCode()).as(json).isEqualTo(400);
			assertThat(response.body()).as(json).contains("NUL").doesNotContain("java.");
		}
		HttpResponse<String> clean = send(
				authorized("/api/labels", PLAIN_KEY).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"a\":{\"b\":[\"x\"]}}"))
					.build());
		assertThat(clean.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesNulInAJsonStringNamingTheField() throws Exception {
		assertThat(fieldErrorOf("{\"name\":\"a\\u0000b\",\"times\":1}")).containsEntry("name",
				"must not contain the NUL character (U+0000)");
	}

	@Test
	void speaksTheApisLanguageNotJavasAboutBadBodies() throws Exception {
		HttpResponse<String> missing = send(
				authorized("/api/echo", PLAIN_KEY).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.noBody())
					.build());
		HttpResponse<String> wrongType = send(
				authorized("/api/echo", PLAIN_KEY).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("[1,2]"))
					.build());
		for (HttpResponse<String> response : List.of(missing, wrongType)) {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).doesNotContain("dev.archon")
				.doesNotContain("java.")
				.doesNotContain("Controller")
				.doesNotContain("Greeting");
		}
		assertThat(body(missing).get("detail").asString()).isEqualTo("This operation needs a JSON body.");
	}

	@Test
	void refusesNulAndInvalidUtf8InParametersNamingThem() throws Exception {
		for (String value : List.of("%00", "a%00b", "%C3%28", "%FF", "%zz", "%")) {
			RawHttp.Response response = RawHttp.send(this.port, "GET", "/api/lookup?source=" + value,
					"Authorization: Bearer " + PLAIN_KEY);
			assertThat(response.status()).as(value).isEqualTo(400);
			assertThat(response.contentType()).as(value).isEqualTo("application/problem+json");
			assertThat(response.body()).as(value).contains("\"field\":\"source\"");
		}
		for (String query : List.of("a%zz=1&source=x", "%=1&source=x", "a%00=1&source=x")) {
			RawHttp.Response response = RawHttp.send(this.port, "GET", "/api/lookup?" + query,
					"Authorization: Bearer " + PLAIN_KEY);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).as(query).isEqualTo("application/problem+json");
		}
		assertThat(send(authorized("/api/lookup?source=caf%C3%A9", PLAIN_KEY).build()).body()).contains("café");
	}

	@Test
	void answersUnknownRouteAsProblem() throws Exception {
		assertProblem(send(authorized("/api/nothing-here", PLAIN_KEY).build()), 404, "not-found");
		assertProblem(send(authorized("/not-api/nothing-here", PLAIN_KEY).build()), 404, "not-found");
		// A file extension does not make the problem an HTML page.
		assertProblem(send(authorized("/x.html", PLAIN_KEY).build()), 404, "not-found");
		assertProblem(send(authorized("/x.html", PLAIN_KEY).header("Accept", "text/html").build()), 404, "not-found");
	}

	@Test
	void refusesEveryPathWithoutKeyUnlessOpenedExplicitly() throws Exception {
		assertProblem(send(get("/not-api/nothing-here").build()), 401, "unauthorized");
		assertProblem(send(get("/x.html").build()), 401, "unauthorized");
		assertProblem(send(get("/actuator/health").build()), 401, "unauthorized");
	}

	@Test
	void refusesEverySpellingOfEveryDocumentedOperationWithoutKey() throws Exception {
		JsonNode paths = body(send(get("/v3/api-docs").build())).get("paths");
		assertThat(paths.propertyNames()).isNotEmpty();
		for (String template : paths.propertyNames()) {
			for (String method : paths.get(template).propertyNames()) {
				for (String spelling : PathSpellings.of(PathSpellings.fill(template, "x"))) {
					RawHttp.Response response = RawHttp.send(this.port, method.toUpperCase(Locale.ROOT), spelling);
					assertThat(response.refusedBeforeAnyController())
						.as("%s %s answered %s", method, spelling, response)
						.isTrue();
				}
			}
		}
	}

	@Test
	void refusesNonCanonicalPathsBeforeRoutingThem() throws Exception {
		for (String path : List.of("/api;x/count?n=1", "/api/%2e%2e/api/count?n=1", "/api%2Fcount?n=1",
				"/api//count?n=1", "/x/../api/count?n=1")) {
			RawHttp.Response response = RawHttp.send(this.port, "GET", path, "Authorization: Bearer " + PLAIN_KEY);
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.contentType()).as(path).isEqualTo("application/problem+json");
		}
	}

	@Test
	void opensHealthWithoutDetailsAndShowsThemWithKey() throws Exception {
		HttpResponse<String> open = send(management("/actuator/health").build());
		assertThat(open.statusCode()).isEqualTo(200);
		assertThat(body(open).has("components")).isFalse();
		HttpResponse<String> withKey = send(
				management("/actuator/health").header("Authorization", "Bearer " + PLAIN_KEY).build());
		assertThat(body(withKey).has("components")).isTrue();
	}

	@Test
	void answersErrorsTomcatRaisesItselfAsProblems() throws Exception {
		String key = "Authorization: Bearer " + PLAIN_KEY;
		assertThat(RawHttp.send(this.port, "GET", "/api/count%2F?n=1", key)).satisfies(problemOf(400));
		assertThat(RawHttp.send(this.port, "GET", "/api/count%00?n=1", key)).satisfies(problemOf(400));
		assertThat(RawHttp.send(this.port, "TRACE", "/api/count?n=1", key)).satisfies(problemOf(405));
		assertThat(RawHttp.send(this.port, "GET", "/api/count?n=" + "1".repeat(20_000), key))
			.satisfies(problemOf(400, 414));
		assertThat(RawHttp.send(this.port, "GET", "/api/count?n=1", key, "X-Large: " + "y".repeat(20_000)))
			.satisfies(problemOf(400, 431));
	}

	@Test
	void keepsMetricsBehindTheKey() throws Exception {
		HttpResponse<String> refused = send(management("/actuator/prometheus").build());
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(send(management("/actuator/prometheus").header("Authorization", "Bearer " + PLAIN_KEY).build())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void answersWrongMethodAsProblem() throws Exception {
		HttpResponse<String> response = send(authorized("/api/echo", PLAIN_KEY).DELETE().build());
		assertProblem(response, 405, "method-not-allowed");
	}

	@Test
	void answersUnsupportedMediaTypeAsProblem() throws Exception {
		HttpResponse<String> response = send(authorized("/api/echo", PLAIN_KEY).header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("hello"))
			.build());
		assertProblem(response, 415, "unsupported-media-type");
	}

	@Test
	void refusesOversizeBodyAsProblem() throws Exception {
		String large = "{\"name\":\"" + "x".repeat(4096) + "\",\"times\":1}";
		HttpResponse<String> response = send(
				authorized("/api/echo", PLAIN_KEY).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(large))
					.build());
		assertProblem(response, 413, "payload-too-large");
	}

	@Test
	void hidesInternalsOfUnexpectedErrors() throws Exception {
		HttpResponse<String> response = send(authorized("/api/boom", PLAIN_KEY).build());
		assertProblem(response, 500, "internal");
		assertThat(response.body()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
	}

	@Test
	void answersADataStoreOutageWithRetryAfter() throws Exception {
		HttpResponse<String> response = send(authorized("/api/database", PLAIN_KEY).build());
		assertProblem(response, 503, "service-unavailable");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.body()).doesNotContain("5432").doesNotContain("DataAccessResourceFailureException");
	}

	@Test
	void answersARollbackOnAClosedConnectionAsADataStoreOutage() throws Exception {
		HttpResponse<String> response = send(authorized("/api/rollback", PLAIN_KEY).build());
		assertProblem(response, 503, "service-unavailable");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
	}

	@Test
	void echoesPresentedRequestIdInHeaderAndProblem() throws Exception {
		HttpResponse<String> response = send(get("/api/count?n=1").header("X-Request-Id", "abc-123").build());
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("abc-123");
		assertThat(body(response).get("requestId").asString()).isEqualTo("abc-123");
	}

	@Test
	void makesRequestIdWhenPresentedOneIsUnsafe() throws Exception {
		HttpResponse<String> response = send(
				authorized("/api/count?n=1", PLAIN_KEY).header("X-Request-Id", "bad id\twith spaces").build());
		assertThat(response.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((id) -> assertThat(id).isNotEqualTo("bad id\twith spaces").matches("[0-9a-f-]{36}"));
	}

	@Test
	void passesRequestIdAndKeyToCalledService() throws Exception {
		HttpResponse<String> response = send(
				authorized("/api/relay", PLAIN_KEY).header("X-Request-Id", "relay-42").build());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode seenDownstream = body(response);
		assertThat(seenDownstream.get("requestId").asString()).isEqualTo("relay-42");
		assertThat(seenDownstream.get("authorized").asBoolean()).isTrue();
	}

	@Test
	void neverLogsApiKeys(CapturedOutput output) throws Exception {
		send(authorized("/api/count?n=1", PLAIN_KEY).build());
		send(authorized("/api/count?n=1", HASHED_ONLY_KEY).build());
		send(authorized("/api/count?n=1", "wrong-key-that-is-also-secret").build());
		send(authorized("/api/relay", PLAIN_KEY).build());
		send(authorized("/api/echo", PLAIN_KEY).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ada\",\"times\":2}"))
			.build());
		assertThat(output.getAll()).contains("Echoing a greeting of 2 times")
			.doesNotContain(PLAIN_KEY)
			.doesNotContain(HASHED_ONLY_KEY)
			.doesNotContain("wrong-key-that-is-also-secret");
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpRequest.Builder management(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path));
	}

	private HttpRequest.Builder authorized(String path, String key) {
		return get(path).header("Authorization", "Bearer " + key);
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode body(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private Map<String, String> fieldErrorOf(String json) throws Exception {
		HttpResponse<String> response = send(
				authorized("/api/echo", PLAIN_KEY).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build());
		assertProblem(response, 400, "validation");
		Map<String, String> errors = new LinkedHashMap<>();
		body(response).get("errors")
			.forEach((error) -> errors.put(error.get("field").asString(), error.get("message").asString()));
		return errors;
	}

	private static Consumer<RawHttp.Response> problemOf(Integer... statuses) {
		return (response) -> {
			assertThat(response.status()).isIn((Object[]) statuses);
			assertThat(response.contentType()).isEqualTo("application/problem+json");
			assertThat(response.body()).contains("\"status\":" + response.status()).contains("requestId");
		};
	}

	private void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		JsonNode problem = body(response);
		assertThat(problem.get("type").asString()).isEqualTo("https://archon.dev/problems/" + type);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("requestId").asString()).isNotBlank();
	}

	private static String sha256(String value) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

}
