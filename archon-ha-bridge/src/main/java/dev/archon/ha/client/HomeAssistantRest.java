package dev.archon.ha.client;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

import javax.net.ssl.SSLHandshakeException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Home Assistant's REST API: the fallback for service calls, the history for pattern
 * analysis, and the automation editor's configuration endpoint.
 */
public class HomeAssistantRest {

	private final RestClient client;

	/**
	 * Home Assistant's REST API through a client that knows where it is and presents the
	 * token.
	 * @param client the client, with Home Assistant's base URL and token
	 */
	HomeAssistantRest(RestClient client) {
		this.client = client;
	}

	/**
	 * Calls a service the REST way.
	 * @param domain the service's domain
	 * @param service the service
	 * @param serviceData the service data, with the target's {@code entity_id} in it
	 * @return the states that changed while the service ran
	 */
	public JsonNode callService(String domain, String service, ObjectNode serviceData) {
		return call(() -> this.client.post()
			.uri("/api/services/{domain}/{service}", domain, service)
			.contentType(MediaType.APPLICATION_JSON)
			.body(serviceData)
			.retrieve()
			.body(JsonNode.class));
	}

	/**
	 * Home Assistant's configuration: its time zone, location, version.
	 * @return {@code /api/config}
	 */
	public JsonNode config() {
		return call(() -> this.client.get().uri("/api/config").retrieve().body(JsonNode.class));
	}

	/**
	 * An automation as the automation editor's API keeps it.
	 * @param id the automation's id
	 * @return its configuration, or {@code null} when the editor has none of that id
	 */
	public @Nullable JsonNode automation(String id) {
		try {
			return call(() -> this.client.get()
				.uri("/api/config/automation/config/{id}", id)
				.retrieve()
				.body(JsonNode.class));
		}
		catch (CommandFailed ex) {
			if ("http_404".equals(ex.code())) {
				return null;
			}
			throw ex;
		}
	}

	/**
	 * Creates or replaces an automation through the automation editor's API.
	 * @param id the automation's id
	 * @param config its configuration
	 * @return Home Assistant's answer
	 */
	public JsonNode saveAutomation(String id, JsonNode config) {
		return call(() -> this.client.post()
			.uri("/api/config/automation/config/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(config)
			.retrieve()
			.body(JsonNode.class));
	}

	/**
	 * Streams the history of some entities, in Home Assistant's minimal form, to a reader
	 * that parses it as it arrives.
	 * @param <T> what the reader makes of it
	 * @param entityIds the entities
	 * @param start the start of the period
	 * @param end its end
	 * @param reader reads the response body
	 * @return what the reader made
	 */
	public <T> T history(Collection<String> entityIds, Instant start, Instant end, Function<InputStream, T> reader) {
		return call(() -> this.client.get()
			.uri((uri) -> uri.path("/api/history/period/{start}")
				.queryParam("filter_entity_id", String.join(",", entityIds))
				.queryParam("end_time", end.toString())
				.queryParam("minimal_response")
				.queryParam("no_attributes")
				.build(start.toString()))
			.exchange((request, response) -> {
				if (response.getStatusCode().isError()) {
					throw failure(response.getStatusCode(), new String(response.getBody().readAllBytes()));
				}
				try (InputStream body = response.getBody()) {
					return reader.apply(body);
				}
			}));
	}

	private <T> T call(CallBody<T> body) {
		try {
			T result = body.run();
			if (result == null) {
				throw new CommandFailed(CommandFailed.Outcome.FAILED, null, "Home Assistant answered without a body");
			}
			return result;
		}
		catch (RestClientResponseException ex) {
			throw failure(ex.getStatusCode(), ex.getResponseBodyAsString());
		}
		catch (ResourceAccessException ex) {
			CommandFailed.Outcome outcome = neverSent(ex) ? CommandFailed.Outcome.NOT_SENT
					: CommandFailed.Outcome.UNKNOWN;
			throw new CommandFailed(outcome, "Home Assistant cannot be reached", ex);
		}
		catch (UncheckedIOException ex) {
			throw new CommandFailed(CommandFailed.Outcome.UNKNOWN, "Reading Home Assistant's answer failed", ex);
		}
	}

	/**
	 * Whether a failure came before the request could leave: a refused or timed-out
	 * connection, or a failed TLS handshake, carried nothing of it; any later failure may
	 * have.
	 */
	private static boolean neverSent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
					|| cause instanceof SSLHandshakeException) {
				return true;
			}
		}
		return false;
	}

	private static CommandFailed failure(HttpStatusCode status, String body) {
		String message = "Home Assistant answered " + status.value()
				+ (body.isBlank() ? "" : ": " + body.substring(0, Math.min(body.length(), 300)));
		CommandFailed.Outcome outcome = status.is5xxServerError() ? CommandFailed.Outcome.FAILED
				: CommandFailed.Outcome.REJECTED;
		return new CommandFailed(outcome, "http_" + status.value(), message);
	}

	@FunctionalInterface
	private interface CallBody<T> {

		T run();

	}

}
