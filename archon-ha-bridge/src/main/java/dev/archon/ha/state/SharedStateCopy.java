package dev.archon.ha.state;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.cache.RedisCircuit;
import dev.archon.ha.HaProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The copy of the state cache in Redis, shared by every instance. An instance that starts
 * while Home Assistant is unreachable serves it (marked as not synchronised) instead of
 * nothing. Changes are written behind, in one batch per interval, so that a burst of
 * events costs Redis one round trip. While Redis is down, changes wait in memory (the
 * latest of each entity); when it answers again, the whole cache is written anew, since a
 * restarted Redis may have lost the copy.
 */
class SharedStateCopy implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SharedStateCopy.class);

	private static final Object REMOVED = new Object();

	private final StringRedisTemplate redis;

	private final RedisCircuit circuit;

	private final StateCache cache;

	private final JsonMapper json;

	private final HaProperties.Cache settings;

	private final Map<String, Object> dirty = new ConcurrentHashMap<>();

	private volatile boolean rewriteAll;

	private @Nullable ScheduledExecutorService flusher;

	SharedStateCopy(StringRedisTemplate redis, RedisCircuit circuit, StateCache cache, JsonMapper json,
			HaProperties.Cache settings) {
		this.redis = redis;
		this.circuit = circuit;
		this.cache = cache;
		this.json = json;
		this.settings = settings;
		circuit.onRecovery(() -> this.rewriteAll = true);
	}

	void changed(String entityId, @Nullable CachedState state) {
		this.dirty.put(entityId, (state != null) ? state : REMOVED);
	}

	void replaceAll(Map<String, CachedState> snapshot) {
		Map<String, String> values = new HashMap<>(snapshot.size() * 2);
		snapshot.forEach((id, state) -> values.put(id, state.text()));
		String key = this.settings.redisKey();
		boolean written = this.circuit.run(() -> {
			Object[] gone = this.redis.opsForHash()
				.keys(key)
				.stream()
				.filter((id) -> !snapshot.containsKey(id.toString()))
				.toArray();
			if (gone.length > 0) {
				this.redis.opsForHash().delete(key, gone);
			}
			if (!values.isEmpty()) {
				this.redis.opsForHash().putAll(key, values);
			}
		});
		if (!written) {
			this.rewriteAll = true;
			logger.warn("Cannot write the shared state copy to Redis; writing it once Redis answers");
		}
	}

	void flush() {
		if (this.rewriteAll) {
			this.rewriteAll = false;
			Map<String, CachedState> snapshot = new HashMap<>();
			this.cache.find(null, null, null).forEach((state) -> snapshot.put(state.entityId(), state));
			replaceAll(snapshot);
		}
		if (this.dirty.isEmpty()) {
			return;
		}
		Map<String, String> puts = new HashMap<>();
		Map<String, Object> taken = new HashMap<>();
		for (String id : this.dirty.keySet()) {
			Object value = this.dirty.remove(id);
			if (value != null) {
				taken.put(id, value);
			}
		}
		taken.forEach((id, value) -> {
			if (value instanceof CachedState state) {
				puts.put(id, state.text());
			}
		});
		Object[] removed = taken.entrySet()
			.stream()
			.filter((e) -> e.getValue() == REMOVED)
			.map(Map.Entry::getKey)
			.toArray();
		boolean written = this.circuit.run(() -> {
			if (!puts.isEmpty()) {
				this.redis.opsForHash().putAll(this.settings.redisKey(), puts);
			}
			if (removed.length > 0) {
				this.redis.opsForHash().delete(this.settings.redisKey(), removed);
			}
		});
		if (!written) {
			// Put them back for the next round, unless a newer change came meanwhile.
			taken.forEach(this.dirty::putIfAbsent);
		}
	}

	/**
	 * Fills an empty cache from the shared copy.
	 * @return how many states were loaded
	 */
	int load() {
		Map<Object, Object> entries = this.circuit.call(() -> this.redis.opsForHash().entries(this.settings.redisKey()))
			.value();
		if (entries == null) {
			logger.warn("Cannot read the shared state copy from Redis");
			return 0;
		}
		int loaded = 0;
		for (Object value : entries.values()) {
			CachedState state = CachedState.of(this.json.readTree(value.toString()));
			if (state != null && this.cache.apply(state)) {
				loaded++;
			}
		}
		return loaded;
	}

	@Override
	public void start() {
		if (this.cache.size() == 0) {
			int loaded = load();
			if (loaded > 0) {
				logger.info("Loaded {} states from the shared copy until Home Assistant answers", loaded);
			}
		}
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ha-state-copy").daemon(true).factory());
		long interval = this.settings.flushInterval().toMillis();
		executor.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
		this.flusher = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.flusher;
		if (executor != null) {
			executor.shutdownNow();
			this.flusher = null;
			flush();
		}
	}

	@Override
	public boolean isRunning() {
		return this.flusher != null;
	}

	/** Before the connection to Home Assistant starts, so that it cannot be overtaken. */
	@Override
	public int getPhase() {
		return 0;
	}

}
