package dev.archon.agentgen.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.stereotype.Component;

/**
 * Hands the events published on Redis, by whichever instance runs the job, to this
 * instance's SSE clients, and wakes this instance's idle workers when another instance
 * queued a job. One Redis subscription serves them all.
 */
@Component
class EventHub implements MessageListener {

	private static final Logger logger = LoggerFactory.getLogger(EventHub.class);

	private final Map<UUID, Set<Consumer<StoredEvent>>> listeners = new ConcurrentHashMap<>();

	private final JobEvents events;

	private final JobWorkers workers;

	private final JobMetrics metrics;

	/** One PUBLISH every 5 s per instance: a dead subscription is noticed within 15 s. */
	private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

	private final HeartbeatSubscription subscription;

	EventHub(JobEvents events, JobWorkers workers, JobMetrics metrics, RedisConnectionFactory connections) {
		this.events = events;
		this.workers = workers;
		this.metrics = metrics;
		this.subscription = new HeartbeatSubscription(connections, this,
				List.of(new ChannelTopic(JobEvents.CHANNEL), new ChannelTopic(JobEvents.QUEUED_CHANNEL)),
				workers.instance(), HEARTBEAT_INTERVAL, metrics::resubscribed);
	}

	AutoCloseable subscribe(UUID jobId, Consumer<StoredEvent> listener) {
		this.listeners.computeIfAbsent(jobId, (id) -> ConcurrentHashMap.newKeySet()).add(listener);
		return () -> this.listeners.computeIfPresent(jobId, (id, set) -> {
			set.remove(listener);
			return set.isEmpty() ? null : set;
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
				Set<Consumer<StoredEvent>> interested = this.listeners.get(event.jobId());
				if (interested != null) {
					interested.forEach((listener) -> listener.accept(event));
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Unreadable job event on Redis: {}", ex.getMessage());
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		this.subscription.close();
	}

}
