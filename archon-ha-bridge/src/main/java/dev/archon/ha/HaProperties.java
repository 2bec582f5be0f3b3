package dev.archon.ha;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Home Assistant bridge.
 *
 * @param url where Home Assistant answers (its REST API under {@code /api}, its WebSocket
 * at {@code /api/websocket})
 * @param token a long-lived access token; never logged
 * @param sslBundle the SSL bundle ({@code spring.ssl.bundle.*}) whose trust material the
 * REST and WebSocket clients use toward an {@code https} Home Assistant, such as one with
 * a self-signed certificate; the JDK's trusted authorities when not set
 * @param websocket the WebSocket connection: timeouts, heartbeat and reconnection
 * @param control service calls: the allow-list, the rate limiter and the circuit breaker
 * @param cache the state cache and its shared copy in Redis
 * @param patterns pattern analysis over the history
 */
@ConfigurationProperties("archon.ha")
@Validated
public record HaProperties(@DefaultValue("http://localhost:8123") @NotNull URI url, @DefaultValue("") String token,
		@Nullable String sslBundle, @DefaultValue @Valid WebSocket websocket, @DefaultValue @Valid Control control,
		@DefaultValue @Valid Cache cache, @DefaultValue @Valid Patterns patterns) {

	/**
	 * The token stays out of every rendering of the settings, so that a logged or printed
	 * configuration can never leak it.
	 */
	@Override
	public String toString() {
		return "HaProperties[url=" + this.url + ", token=" + (this.token.isEmpty() ? "<none>" : "<redacted>")
				+ ", sslBundle=" + this.sslBundle + ", websocket=" + this.websocket + ", control=" + this.control
				+ ", cache=" + this.cache + ", patterns=" + this.patterns + "]";
	}

	/**
	 * The WebSocket connection.
	 *
	 * @param connectTimeout how long opening the socket may take
	 * @param commandTimeout how long a command may wait for its result
	 * @param heartbeat how often a {@code ping} is sent when connected
	 * @param pongTimeout a missing {@code pong} after this long drops the connection
	 * @param initialBackoff the first reconnection delay; it doubles after each failure
	 * @param maxBackoff the reconnection delay never grows past this
	 */
	public record WebSocket(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration commandTimeout,
			@DefaultValue("30s") Duration heartbeat, @DefaultValue("10s") Duration pongTimeout,
			@DefaultValue("250ms") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff) {

	}

	/**
	 * Service calls.
	 *
	 * @param allowed allowed {@code domain.service} patterns ({@code light.*} allows
	 * every service of a domain); never of the script domain, see {@code allowedScripts}
	 * @param denied refused patterns; they win over {@code allowed} and
	 * {@code allowedScripts}
	 * @param allowedScripts the scripts that may run, by name ({@code good_night}) or
	 * entity id ({@code script.good_night}), whether called as {@code script.good_night}
	 * or started with {@code script.turn_on}; none by default, since a script runs with
	 * whatever variables its caller passes and may do anything, stopping Home Assistant
	 * included
	 * @param callsPerSecond the rate limit toward Home Assistant, per instance (env
	 * {@code HA_CALLS_PER_SECOND}); the default of 50 protects a real Home Assistant, a
	 * benchmark raises it to measure the bridge rather than this cap
	 * @param rateLimitWait how long a call may wait for a permit before it is refused
	 * with 429
	 * @param restTimeout the read timeout of the REST fallback
	 * @param maxBatchConcurrency the upper bound on a batch's parallelism
	 * @param defaultBatchConcurrency a batch's parallelism when it does not ask
	 * @param maxBatchOperations how many operations one batch may hold
	 * @param failureRateThreshold the circuit breaker opens above this failure rate
	 * (percent)
	 * @param openFor how long the circuit breaker stays open
	 */
	public record Control(@DefaultValue( {
			"light.*", "switch.*", "climate.*", "cover.*", "lock.*", "media_player.*", "fan.*", "scene.*",
			"input_boolean.*", "input_number.*", "input_select.*", "input_text.*", "input_datetime.*",
			"input_button.*" }) List<String> allowed,
			@DefaultValue({ "homeassistant.stop", "homeassistant.restart", "hassio.*",
					"shell_command.*" }) List<String> denied,
			@DefaultValue List<String> allowedScripts, @DefaultValue("50") @Min(1) int callsPerSecond,
			@DefaultValue("2s") Duration rateLimitWait, @DefaultValue("10s") Duration restTimeout,
			@DefaultValue("32") @Min(1) @Max(256) int maxBatchConcurrency,
			@DefaultValue("8") @Min(1) int defaultBatchConcurrency, @DefaultValue("500") @Min(1) int maxBatchOperations,
			@DefaultValue("50") @Min(1) @Max(100) float failureRateThreshold, @DefaultValue("10s") Duration openFor){

	}

	/**
	 * The state cache.
	 *
	 * @param redisKey the Redis hash holding the shared copy that serves cold starts
	 * @param flushInterval how often changed states are written to the shared copy
	 * @param eventBuffer how many state changes a slow SSE client may lag behind before
	 * it is disconnected
	 */
	public record Cache(@DefaultValue("archon:ha:states") String redisKey, @DefaultValue("1s") Duration flushInterval,
			@DefaultValue("1024") @Min(16) int eventBuffer) {

	}

	/**
	 * Pattern analysis.
	 *
	 * @param cacheFor how long an analysis is kept in Redis
	 * @param maxDays the longest history that may be analysed
	 * @param coOccurrenceWindow a light turning on this soon after a motion counts as
	 * following it
	 * @param minConfidence suggestions below this confidence are left out
	 */
	public record Patterns(@DefaultValue("10m") Duration cacheFor, @DefaultValue("30") @Min(1) int maxDays,
			@DefaultValue("2m") Duration coOccurrenceWindow, @DefaultValue("0.6") double minConfidence) {

	}

}
