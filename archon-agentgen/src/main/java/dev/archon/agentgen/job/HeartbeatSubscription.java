package dev.archon.agentgen.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.archon.api.cache.RedisCircuit;

import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.listener.Topic;

/**
 * A Redis subscription that proves itself alive: it publishes a heartbeat on a channel of
 * its own and, when no heartbeat has come back for three intervals, subscribes anew on a
 * fresh connection. Lettuce re-subscribes after a plain reconnect, but on a Redis Cluster
 * whose node held the subscription it keeps reconnecting to that dead node, and Spring's
 * container never hears of a failure: without this, an instance would stop hearing job
 * events and announcements until it was restarted. The heartbeat goes through the
 * service's {@link RedisCircuit}: while Redis is away, no beat waits for the command
 * timeout, and the subscription is made anew only once Redis answers.
 */
final class HeartbeatSubscription implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(HeartbeatSubscription.class);

	private final RedisConnectionFactory connections;

	private final StringRedisTemplate redis;

	private final RedisCircuit circuit;

	private final MessageListener listener;

	private final List<Topic> topics;

	private final String heartbeatChannel;

	private final Duration interval;

	private final Runnable onResubscribed;

	private final ScheduledExecutorService heartbeats = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("redis-heartbeat").daemon().factory());

	private volatile long lastHeartbeat;

	private volatile long lastSubscribed;

	private @Nullable RedisMessageListenerContainer container;

	HeartbeatSubscription(StringRedisTemplate redis, RedisCircuit circuit, MessageListener listener, List<Topic> topics,
			String instance, Duration interval, Runnable onResubscribed) {
		this.connections = redis.getRequiredConnectionFactory();
		this.redis = redis;
		this.circuit = circuit;
		this.listener = listener;
		this.topics = List.copyOf(topics);
		this.heartbeatChannel = "archon:agentgen:heartbeat:" + instance;
		this.interval = interval;
		this.onResubscribed = onResubscribed;
		this.lastHeartbeat = System.nanoTime();
		this.lastSubscribed = this.lastHeartbeat;
		try {
			this.container = subscribe();
		}
		catch (RuntimeException ex) {
			// Redis out of reach at start: the instance starts anyway, and the heartbeat
			// subscribes once Redis answers.
			logger.warn("Could not subscribe to Redis ({}); trying again with the heartbeat", ex.getMessage());
		}
		long millis = interval.toMillis();
		this.heartbeats.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
	}

	private RedisMessageListenerContainer subscribe() {
		RedisMessageListenerContainer subscription = new RedisMessageListenerContainer();
		subscription.setConnectionFactory(this.connections);
		subscription.addMessageListener((message, pattern) -> {
			if (this.heartbeatChannel.equals(new String(message.getChannel(), StandardCharsets.UTF_8))) {
				this.lastHeartbeat = System.nanoTime();
			}
			else {
				this.listener.onMessage(message, pattern);
			}
		}, topicsWithHeartbeat());
		subscription.afterPropertiesSet();
		try {
			subscription.start();
		}
		catch (RuntimeException ex) {
			destroy(subscription);
			throw ex;
		}
		return subscription;
	}

	private List<Topic> topicsWithHeartbeat() {
		List<Topic> all = new ArrayList<>(this.topics);
		all.add(new ChannelTopic(this.heartbeatChannel));
		return all;
	}

	/**
	 * Whether a heartbeat came back lately: if not, messages published now may be lost.
	 * @return {@code false} once two beats in a row have not come back
	 */
	boolean alive() {
		return System.nanoTime() - this.lastHeartbeat <= 2 * this.interval.toNanos();
	}

	private void beat() {
		try {
			long silence = System.nanoTime() - Math.max(this.lastHeartbeat, this.lastSubscribed);
			if (this.circuit.run(() -> this.redis.convertAndSend(this.heartbeatChannel, ""))
					&& silence > 3 * this.interval.toNanos()) {
				resubscribe();
			}
		}
		catch (RuntimeException ex) {
			// Redis answered the beat but not the subscription: the next beat tries
			// again.
			logger.debug("Could not subscribe to Redis: {}", ex.getMessage());
		}
	}

	private synchronized void resubscribe() {
		logger.warn("No heartbeat came back through the Redis subscription for {}: subscribing anew",
				this.interval.multipliedBy(3));
		closeContainer();
		this.lastSubscribed = System.nanoTime();
		this.container = subscribe();
		this.onResubscribed.run();
	}

	private void closeContainer() {
		RedisMessageListenerContainer current = this.container;
		this.container = null;
		if (current != null) {
			destroy(current);
		}
	}

	private static void destroy(RedisMessageListenerContainer subscription) {
		try {
			subscription.destroy();
		}
		catch (Exception ex) {
			// A subscription on a dead node cannot unsubscribe cleanly; it is dropped
			// either way.
			logger.debug("Closing a Redis subscription failed: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void close() {
		this.heartbeats.shutdownNow();
		closeContainer();
	}

}
