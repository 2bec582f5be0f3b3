package dev.archon.ha.state.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.archon.api.wire.ha.StatesPage;
import dev.archon.ha.state.CachedState;
import dev.archon.ha.state.EntityNotFound;
import dev.archon.ha.state.InvalidEntityId;
import dev.archon.ha.state.StateCache;
import dev.archon.ha.state.StateChangeFeed;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Entity states, read from the cache, and a stream of their changes.
 */
@RestController
@RequestMapping("/api/v1/ha")
class StatesController {

	private static final Duration STREAM_TIMEOUT = Duration.ofHours(1);

	private final StateCache cache;

	private final StateChangeFeed feed;

	StatesController(StateCache cache, StateChangeFeed feed) {
		this.cache = cache;
		this.feed = feed;
	}

	/**
	 * States that match a query, written from each state's cached JSON, so that a read
	 * serializes no state again.
	 */
	@GetMapping("/states")
	ResponseEntity<StatesPage> states(@RequestParam(required = false) @Nullable String domain,
			@RequestParam(required = false) @Nullable String area,
			@RequestParam(name = "q", required = false) @Nullable String text) {
		List<JsonNode> states = this.cache.find(blankToNull(domain), blankToNull(area), blankToNull(text))
			.stream()
			.map(CachedState::rawJson)
			.toList();
		boolean synchronised = this.cache.isSynchronised();
		long age = this.cache.staleness().toSeconds();
		return withAge(synchronised, age).body(new StatesPage(states.size(), synchronised, !synchronised, age, states));
	}

	/**
	 * One state, as Home Assistant gives it; while it may be stale, the {@code Age}
	 * header says how long ago it was last known to be current.
	 */
	@GetMapping("/states/{entityId}")
	ResponseEntity<JsonNode> state(@PathVariable String entityId) {
		CachedState state = this.cache.get(InvalidEntityId.check(entityId));
		if (state == null) {
			throw new EntityNotFound(entityId);
		}
		return withAge(this.cache.isSynchronised(), this.cache.staleness().toSeconds()).body(state.rawJson());
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@RequestParam(required = false) @Nullable String domain,
			@RequestParam(name = "entity_id", required = false) @Nullable List<String> entityIds) {
		Set<String> wanted = (entityIds != null) ? Set.copyOf(entityIds) : Set.of();
		wanted.forEach(InvalidEntityId::check);
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		StateChangeFeed.Subscription subscription = this.feed.subscribe(blankToNull(domain), wanted, (change) -> {
			try {
				emitter.send(SseEmitter.event().name("state_changed").data(change, MediaType.APPLICATION_JSON));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, emitter::complete);
		try {
			// Sends the headers at once, so a client knows it is subscribed before any
			// change.
			emitter.send(SseEmitter.event().comment("subscribed"));
		}
		catch (IOException ex) {
			subscription.cancel();
			throw new UncheckedIOException(ex);
		}
		emitter.onCompletion(subscription::cancel);
		emitter.onTimeout(subscription::cancel);
		emitter.onError((ex) -> subscription.cancel());
		return emitter;
	}

	/**
	 * A 200 that carries the {@code Age} of a copy that is not synchronised, as a cache
	 * in HTTP's sense says how old what it serves is.
	 */
	private static ResponseEntity.BodyBuilder withAge(boolean synchronised, long ageSeconds) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (!synchronised) {
			response.header(HttpHeaders.AGE, Long.toString(ageSeconds));
		}
		return response;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
