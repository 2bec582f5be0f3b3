package dev.archon.agentgen.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.archon.api.cache.RedisCircuit;
import dev.archon.api.cache.RedisFallbackProperties;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.stereotype.Component;

/**
 * Hands the events published on Redis, by whichever instance runs the job, to this
 * instance's SSE clients, and wakes this instance's idle workers when another instance
 * queued a job. One Redis subscription serves them all.
 * <p>
 * While Redis is away (its circuit open, or the subscription's heartbeat silent), the
 * events of the jobs that clients here follow are read from the store instead, every
 * {@link #POLL_INTERVAL}. Clients drop what they have already had, by event id, so events
 * that come both ways reach them once.
 */
@Component
class EventHub implements MessageListener {

	private static final Logger logger = LoggerFactory.getLogger(EventHub.class);

	/** One PUBLISH every 5 s per instance: a dead subscription is noticed within 15 s. */
	private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

	/** How often followed jobs are read from the store while Redis is away. */
	private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	private final Map<UUID, Set<Consumer<StoredEvent>>> listeners = new ConcurrentHashMap<>();

	/** The last event handed to the listeners of each followed job. */
	private final Map<UUID, Long> delivered = new ConcurrentHashMap<>();

	private final JobEvents events;

	private final JobWorkers workers;

	private final JobMetrics metrics;

	private final RedisCircuit circuit;

	private final HeartbeatSubscription subscription;

	private final long pollingAfterRecoveryNanos;

	private final Counter polled;

	private final ScheduledExecutorService poller = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("job-events-poller").daemon().factory());

	private volatile long pollUntil = System.nanoTime();

	EventHub(JobEvents events, JobWorkers workers, JobMetrics metrics, StringRedisTemplate redis, RedisCircuit circuit,
			RedisFallbackProperties redisFallback, MeterRegistry meters) {
		this.events = events;
		this.workers = workers;
		this.metrics = metrics;
		this.circuit = circuit;
		this.subscription = new HeartbeatSubscription(redis, circuit, this,
				List.of(new ChannelTopic(JobEvents.CHANNEL), new ChannelTopic(JobEvents.QUEUED_CHANNEL)),
				workers.instance(), HEARTBEAT_INTERVAL, metrics::resubscribed);
		// The instance that runs a job publishes again only once its own circuit has
		// closed, up to one back-off after Redis returned: until then, its events still
		// come from the store.
		this.pollingAfterRecoveryNanos = redisFallback.backoff().plus(POLL_INTERVAL).toNanos();
		this.polled = Counter.builder("archon.agent.events.polled")
			.description("Job events read from the store for SSE clients because Redis was away")
			.register(meters);
		long millis = POLL_INTERVAL.toMillis();
		this.poller.scheduleWithFixedDelay(this::pollWhileRedisIsAway, millis, millis, TimeUnit.MILLISECONDS);
	}

	AutoCloseable subscribe(UUID jobId, Consumer<StoredEvent> listener) {
		this.listeners.computeIfAbsent(jobId, (id) -> ConcurrentHashMap.newKeySet()).add(listener);
		return () -> this.listeners.computeIfPresent(jobId, (id, set) -> {
			set.remove(listener);
			if (set.isEmpty()) {
				this.delivered.remove(jobId);
				return null;
			}
			return set;
		});
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		try {
			String body = new String(message.getBody(), StandardCharsets.UTF_8);
			if (JobEvents.QUEUED_CHANNEL.equals(new String(message.getChannel(), StandardCharsets.UTF_8))) {
				if (!body.equals(this.workers.instance())) {
					this.metrics.announcementHeard();
					this.workers.wakeUp();
				}
				return;
			}
			if (this.listeners.isEmpty()) {
				return;
			}
			StoredEvent event = this.events.read(body, this.listeners::containsKey);
			if (event != null) {
				deliver(event);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Unreadable job event on Redis: {}", ex.getMessage());
		}
	}

	private void deliver(StoredEvent event) {
		Set<Consumer<StoredEvent>> interested = this.listeners.get(event.jobId());
		if (interested != null) {
			this.delivered.merge(event.jobId(), event.id(), Math::max);
			interested.forEach((listener) -> listener.accept(event));
		}
	}

	/**
	 * Reads the followed jobs' new events from the store while Redis is away, and for a
	 * while after it is back, then once more: what was stored while nobody published is
	 * read before the subscription alone is trusted again.
	 */
	private void pollWhileRedisIsAway() {
		try {
			long now = System.nanoTime();
			if (!this.circuit.available() || !this.subscription.alive()) {
				this.pollUntil = now + this.pollingAfterRecoveryNanos;
			}
			if (now - this.pollUntil > POLL_INTERVAL.toNanos()) {
				return;
			}
			for (UUID jobId : this.listeners.keySet()) {
				for (StoredEvent event : this.events.after(jobId, this.delivered.getOrDefault(jobId, 0L))) {
					this.polled.increment();
					deliver(event);
				}
			}
		}
		catch (RuntimeException ex) {
			// The store is away too: the next round tries again.
			logger.warn("Could not read job events from the store: {}", ex.getMessage());
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		this.poller.shutdownNow();
		this.subscription.close();
	}

}
