package dev.archon.api.testapp;

import java.sql.SQLException;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.archon.api.client.ServiceClients;

import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class EchoController {

	private static final Log logger = LogFactory.getLog(EchoController.class);

	private final ServiceClients serviceClients;

	private final Environment environment;

	EchoController(ServiceClients serviceClients, Environment environment) {
		this.serviceClients = serviceClients;
		this.environment = environment;
	}

	@PostMapping("/api/echo")
	Greeting echo(@Valid @RequestBody Greeting greeting) {
		logger.info("Echoing a greeting of " + greeting.times() + " times");
		return greeting;
	}

	@GetMapping("/api/count")
	Map<String, Integer> count(@RequestParam @Min(1) @Max(10) int n) {
		return Map.of("n", n);
	}

	@GetMapping("/api/lookup")
	Map<String, String> lookup(@RequestParam String source) {
		return Map.of("source", source);
	}

	@PostMapping("/api/labels")
	Map<String, Object> labels(@RequestBody Map<String, Object> labels) {
		return labels;
	}

	@GetMapping("/api/boom")
	String boom() {
		throw new IllegalStateException("secret internals that must not reach the client");
	}

	@GetMapping("/api/database")
	String database() {
		throw new DataAccessResourceFailureException("Connection to localhost:5432 refused");
	}

	@GetMapping("/api/rollback")
	String rollback() {
		throw new TransactionSystemException("JDBC rollback failed",
				new SQLException("This connection has been closed.", "08003"));
	}

	@GetMapping("/api/headers")
	Map<String, Object> headers(@RequestHeader(name = "X-Request-Id", required = false) @Nullable String requestId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		return Map.of("requestId", String.valueOf(requestId), "authorized", authorization != null);
	}

	@GetMapping("/api/relay")
	@SuppressWarnings("unchecked")
	Map<String, Object> relay() {
		String self = "http://localhost:" + this.environment.getProperty("local.server.port");
		return this.serviceClients.create("self", self).get().uri("/api/headers").retrieve().body(Map.class);
	}

	record Greeting(@NotBlank @Size(max = 20) String name, @Min(1) @Max(3) int times) {

	}

}
