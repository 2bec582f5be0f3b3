package dev.archon.ha.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.archon.api.wire.ha.ServiceResult;
import dev.archon.ha.client.CommandFailed;
import dev.archon.ha.client.HomeAssistantConnection;
import dev.archon.ha.client.HomeAssistantListener;
import dev.archon.ha.client.HomeAssistantRest;

/**
 * Calls Home Assistant's services: checked against the allow-list, paced by the rate
 * limiter, guarded by the circuit breaker, sent over the open WebSocket or else through
 * the REST API. A call whose effect is unknown (its answer was lost) is sent again only
 * when repeating it cannot do harm.
 */
public class ServiceCalls implements HomeAssistantListener {

	private static final Logger logger = LoggerFactory.getLogger(ServiceCalls.class);

	/** A bound that only a flood of changes while calls hang could ever reach. */
	private static final int TRACKED_CONTEXTS = 20_000;

	private final AllowList allowList;

	private final HomeAssistantConnection connection;

	private final HomeAssistantRest rest;

	private final RateLimiter rateLimiter;

	private final CircuitBreaker circuitBreaker;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final Timer rateLimiterWaits;

	private final int callsPerSecond;

	/** The command timers by their tags; refused names all share "other". */
	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	/**
	 * The states changed by each recent context, in the order they came. Home Assistant
	 * sends a call's {@code state_changed} events before its result, on the same socket,
	 * so they are here when the result arrives. Changes that came before the oldest call
	 * still waiting was sent can belong to no call and are dropped at once: most changes
	 * are other clients' (every instance sees every change), and holding them would only
	 * make each young garbage collection copy them again.
	 */
	private final LinkedHashMap<String, Changes> changesByContext = new LinkedHashMap<>(64, 0.75f, false);

	/** When each call still waiting for its result over the WebSocket was sent. */
	private final Map<Long, Long> waitingSince = new ConcurrentHashMap<>();

	private final AtomicLong callIds = new AtomicLong();

	ServiceCalls(AllowList allowList, HomeAssistantConnection connection, HomeAssistantRest rest,
			RateLimiter rateLimiter, CircuitBreaker circuitBreaker, JsonMapper json, MeterRegistry meters,
			int callsPerSecond) {
		this.allowList = allowList;
		this.connection = connection;
		this.rest = rest;
		this.rateLimiter = rateLimiter;
		this.circuitBreaker = circuitBreaker;
		this.json = json;
		this.meters = meters;
		this.callsPerSecond = callsPerSecond;
		this.rateLimiterWaits = Timer.builder("archon.ha.ratelimiter.waits")
			.description("How long service calls waited for the rate limiter toward Home Assistant")
			.register(meters);
		Gauge.builder("archon.ha.ratelimiter.limit", () -> callsPerSecond)
			.description("The rate limit toward Home Assistant, in calls per second per instance")
			.register(meters);
	}

	/**
	 * Calls a service.
	 * @param call the call
	 * @return the states it changed and how long it took
	 * @throws ServiceNotAllowed when the allow-list refuses it
	 * @throws RateLimited when no permit came in time
	 * @throws HomeAssistantUnavailable when the circuit breaker is open or Home Assistant
	 * cannot be reached
	 * @throws CommandFailed when Home Assistant refused or failed it
	 */
	public ServiceResult call(ServiceCall call) {
		long start = System.nanoTime();
		String outcome = "success";
		boolean allowed = false;
		try {
			try {
				// The service data may name targets too: Home Assistant merges them.
				this.allowList.check(call.domain(), call.service(), Targets.of(call.target(), call.data()), null);
				allowed = true;
			}
			catch (ServiceNotAllowed ex) {
				outcome = "forbidden";
				throw ex;
			}
			if (!this.connection.isConnected() && this.connection.isUnreachable()) {
				// Its last connection attempt failed: waiting for a connect timeout on
				// every call would only hold the caller.
				throw HomeAssistantUnavailable.unreachable(this.connection.untilNextAttempt(), null);
			}
			acquirePermit();
			List<JsonNode> changed = callGuarded(call);
			return new ServiceResult(changed, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
		}
		catch (RateLimited ex) {
			outcome = "rate_limited";
			throw ex;
		}
		catch (HomeAssistantUnavailable ex) {
			outcome = ex.reason().tag();
			throw ex;
		}
		catch (CommandFailed ex) {
			outcome = ex.outcome().name().toLowerCase(Locale.ROOT);
			throw ex;
		}
		finally {
			// Refused names stay out of the tags: they are whatever a caller typed. The
			// tag is ha_service, not service: Prometheus labels every series of ours with
			// the Archon service it came from, and honours the application's labels.
			timer(allowed ? call.domain() : "other", allowed ? call.service() : "other", outcome)
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * The command timer of a domain, service and outcome, looked up once: registering a
	 * meter on every call costs more than the call's own work in the bridge.
	 */
	private Timer timer(String domain, String service, String outcome) {
		return this.timers.computeIfAbsent(domain + '.' + service + ':' + outcome,
				(key) -> Timer.builder("archon.ha.commands")
					.description("Service calls to Home Assistant")
					.tag("domain", domain)
					.tag("ha_service", service)
					.tag("outcome", outcome)
					.register(this.meters));
	}

	private void acquirePermit() {
		long waitStart = System.nanoTime();
		boolean permitted = this.rateLimiter.acquirePermission();
		this.rateLimiterWaits.record(System.nanoTime() - waitStart, TimeUnit.NANOSECONDS);
		if (!permitted) {
			throw new RateLimited(this.callsPerSecond, this.rateLimiter.getRateLimiterConfig().getLimitRefreshPeriod());
		}
	}

	private List<JsonNode> callGuarded(ServiceCall call) {
		if (!this.circuitBreaker.tryAcquirePermission()) {
			throw HomeAssistantUnavailable.circuitOpen(Duration.ofSeconds(1));
		}
		long start = System.nanoTime();
		try {
			List<JsonNode> changed = callOnce(call);
			this.circuitBreaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			return changed;
		}
		catch (CommandFailed ex) {
			if (ex.outcome() == CommandFailed.Outcome.REJECTED) {
				// Home Assistant is well; the call was wrong.
				this.circuitBreaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
			else {
				this.circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			}
			if (ex.outcome() == CommandFailed.Outcome.NOT_SENT) {
				// Neither the WebSocket nor the REST API reached Home Assistant.
				throw HomeAssistantUnavailable.unreachable(this.connection.untilNextAttempt(), ex);
			}
			throw ex;
		}
	}

	private List<JsonNode> callOnce(ServiceCall call) {
		try {
			return viaWebSocket(call);
		}
		catch (CommandFailed ex) {
			switch (ex.outcome()) {
				case NOT_SENT -> {
					// Nothing was sent, so the REST API may carry it.
					return viaRest(call);
				}
				case UNKNOWN, FAILED -> {
					if (!call.repeatable()) {
						throw ex;
					}
					logger.info("Sending {}.{} again through the REST API after: {}", call.domain(), call.service(),
							ex.getMessage());
					return viaRest(call);
				}
				default -> throw ex;
			}
		}
	}

	private List<JsonNode> viaWebSocket(ServiceCall call) {
		if (!this.connection.isConnected()) {
			throw new CommandFailed(CommandFailed.Outcome.NOT_SENT, null, "Not connected to Home Assistant");
		}
		ObjectNode command = this.json.createObjectNode()
			.put("type", "call_service")
			.put("domain", call.domain())
			.put("service", call.service());
		command.set("service_data", call.data());
		command.set("target", call.target());
		long callId = this.callIds.incrementAndGet();
		this.waitingSince.put(callId, System.nanoTime());
		try {
			JsonNode result = this.connection.send(command).join();
			String contextId = result.path("result").path("context").path("id").asString("");
			synchronized (this.changesByContext) {
				Changes changed = this.changesByContext.remove(contextId);
				return (changed != null) ? changed.states() : List.of();
			}
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof CommandFailed failed) {
				throw failed;
			}
			throw ex;
		}
		finally {
			// Only now: until its changes are taken, they must not be dropped.
			this.waitingSince.remove(callId);
		}
	}

	private List<JsonNode> viaRest(ServiceCall call) {
		JsonNode changed = this.rest.callService(call.domain(), call.service(), call.restBody());
		List<JsonNode> states = new ArrayList<>();
		JsonNode list = changed.isArray() ? changed : changed.path("changed_states");
		list.forEach(states::add);
		return states;
	}

	@Override
	public void event(JsonNode event) {
		if (!"state_changed".equals(event.path("event_type").asString(""))) {
			return;
		}
		JsonNode newState = event.path("data").path("new_state");
		if (!newState.isObject()) {
			return;
		}
		String contextId = newState.path("context").path("id").asString("");
		if (contextId.isEmpty()) {
			return;
		}
		if (this.waitingSince.isEmpty()) {
			// No call waits, so no call can claim it.
			return;
		}
		long now = System.nanoTime();
		synchronized (this.changesByContext) {
			this.changesByContext.computeIfAbsent(contextId, (id) -> new Changes(now, new ArrayList<>(2)))
				.states()
				.add(newState);
			dropUnclaimable();
		}
	}

	/**
	 * Drops the changes that came before the oldest waiting call was sent; its events,
	 * and those of every later call, can only have come after.
	 */
	private void dropUnclaimable() {
		long oldest = Long.MAX_VALUE;
		for (long since : this.waitingSince.values()) {
			oldest = Math.min(oldest, since);
		}
		Iterator<Changes> eldest = this.changesByContext.values().iterator();
		while (eldest.hasNext()) {
			Changes changes = eldest.next();
			if (changes.receivedAt() - oldest >= 0 && this.changesByContext.size() <= TRACKED_CONTEXTS) {
				return;
			}
			eldest.remove();
		}
	}

	/**
	 * The states one context changed.
	 *
	 * @param receivedAt when its first change came, from {@link System#nanoTime()}
	 * @param states the new states
	 */
	private record Changes(long receivedAt, List<JsonNode> states) {

	}

}
