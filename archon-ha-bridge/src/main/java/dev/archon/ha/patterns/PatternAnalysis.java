package dev.archon.ha.patterns;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.cache.SharedCache;
import dev.archon.api.wire.ha.PatternReport;
import dev.archon.ha.HaProperties;
import dev.archon.ha.client.CommandFailed;
import dev.archon.ha.client.HomeAssistantRest;
import dev.archon.ha.state.CachedState;
import dev.archon.ha.state.EntityNotFound;
import dev.archon.ha.state.InvalidEntityId;
import dev.archon.ha.state.StateCache;

/**
 * Analyses the history of a home: streams it from Home Assistant's history API in chunks
 * of entities, several at once, folds each row as it arrives, then derives regularities,
 * co-occurrences and automation suggestions. Reports are kept for a while in memory and
 * in Redis, so that every instance answers a repeated question at once, and the one that
 * analysed it does so even while Redis is down.
 */
public class PatternAnalysis {

	private static final Logger logger = LoggerFactory.getLogger(PatternAnalysis.class);

	/** Keeps each history URL well below common URL length limits. */
	private static final int ENTITIES_PER_REQUEST = 100;

	private static final int PARALLEL_REQUESTS = 4;

	private final URI homeAssistant;

	private final HomeAssistantRest rest;

	private final StateCache cache;

	private final SharedCache<byte[]> reports;

	private final JsonMapper json;

	private final HaProperties.Patterns settings;

	private final Timer timer;

	private volatile @Nullable ZoneId zone;

	PatternAnalysis(URI homeAssistant, HomeAssistantRest rest, StateCache cache, SharedCache<byte[]> reports,
			JsonMapper json, HaProperties.Patterns settings, MeterRegistry meters) {
		this.homeAssistant = homeAssistant;
		this.rest = rest;
		this.cache = cache;
		this.reports = reports;
		this.json = json;
		this.settings = settings;
		this.timer = Timer.builder("archon.ha.patterns.analysis")
			.description("Pattern analyses of Home Assistant's history")
			.register(meters);
	}

	/**
	 * Analyses the last days of history.
	 * @param days how many days
	 * @param entityId only this entity, when given
	 * @param domain only entities of this domain, when given
	 * @param fresh whether to ignore a cached report
	 * @return the {@link PatternReport} as JSON: rendered once, for Redis and the caller
	 * alike, since a report of thousands of entities takes a while to write
	 */
	public byte[] analyse(int days, @Nullable String entityId, @Nullable String domain, boolean fresh) {
		if (days < 1 || days > this.settings.maxDays()) {
			throw new InvalidAutomation("days must be between 1 and " + this.settings.maxDays());
		}
		List<String> entityIds = entities(entityId, domain);
		String key = reportKey(days, entityIds);
		if (!fresh) {
			Optional<byte[]> cached = this.reports.get(key);
			if (cached.isPresent()) {
				return cached.get();
			}
		}
		Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant from = to.minus(Duration.ofDays(days));
		PatternReport report = this.timer.record(() -> analyse(entityIds, from, to, days));
		byte[] rendered = this.json.writeValueAsBytes(report);
		this.reports.put(key, rendered);
		return rendered;
	}

	/**
	 * The cache key of a report: instances that talk to different homes may share a
	 * Redis, and must not answer with each other's patterns.
	 */
	private String reportKey(int days, List<String> entityIds) {
		List<String> parts = new ArrayList<>(entityIds.size() + 1);
		parts.add(this.homeAssistant.toString());
		parts.addAll(entityIds);
		return days + ":" + digest(parts);
	}

	private List<String> entities(@Nullable String entityId, @Nullable String domain) {
		if (entityId != null) {
			InvalidEntityId.check(entityId);
			if (this.cache.get(entityId) == null && this.cache.isSynchronised()) {
				throw new EntityNotFound(entityId);
			}
			return List.of(entityId);
		}
		return this.cache.find(domain, null, null).stream().map(CachedState::entityId).toList();
	}

	private PatternReport analyse(List<String> entityIds, Instant from, Instant to, int days) {
		long start = System.nanoTime();
		ZoneId homeZone = zone();
		List<EntityActivity> activities = IntStream.range(0, entityIds.size())
			.mapToObj((i) -> new EntityActivity(entityIds.get(i), i, homeZone))
			.toList();
		Map<String, EntityActivity> byId = new HashMap<>();
		activities.forEach((activity) -> byId.put(activity.entityId, activity));
		ActivationLog log = new ActivationLog();
		long startMicros = Math.multiplyExact(from.getEpochSecond(), 1_000_000L);
		long rows = 0;
		Semaphore permits = new Semaphore(PARALLEL_REQUESTS);
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Long>> chunks = new ArrayList<>();
			for (int i = 0; i < entityIds.size(); i += ENTITIES_PER_REQUEST) {
				List<String> chunk = entityIds.subList(i, Math.min(entityIds.size(), i + ENTITIES_PER_REQUEST));
				chunks.add(executor.submit(() -> {
					permits.acquire();
					try {
						return this.rest.history(chunk, from, to,
								(body) -> new HistoryStream(byId, startMicros, log).read(this.json, body));
					}
					finally {
						permits.release();
					}
				}));
			}
			for (Future<Long> chunk : chunks) {
				rows += chunk.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandFailed(CommandFailed.Outcome.FAILED, "Interrupted while reading history", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new CommandFailed(CommandFailed.Outcome.FAILED, "Reading history failed", ex);
		}
		List<PatternReport.EntityPatterns> entities = new ArrayList<>(activities.size());
		List<PatternReport.Regularity> allRegularities = new ArrayList<>();
		for (EntityActivity activity : activities) {
			List<PatternReport.Regularity> regularities = activity.numeric ? List.of()
					: Regularities.find(activity, from, to, homeZone);
			allRegularities.addAll(regularities);
			entities.add(patterns(activity, days, regularities));
		}
		List<PatternReport.CoOccurrence> coOccurrences = CoOccurrences.find(log, activities,
				this.settings.coOccurrenceWindow(), Duration.between(from, to));
		List<PatternReport.Suggestion> suggestions = Suggestions.from(allRegularities, coOccurrences,
				this.settings.minConfidence(), this.json);
		long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		logger.info("Analysed {} history rows of {} entities over {} days in {} ms", rows, entityIds.size(), days,
				tookMs);
		return new PatternReport(from, to, days, homeZone.getId(), rows, tookMs, entities, coOccurrences, suggestions);
	}

	private static PatternReport.EntityPatterns patterns(EntityActivity activity, int days,
			List<PatternReport.Regularity> regularities) {
		List<Integer> peakHours = List.of();
		int[][] matrix = null;
		if (activity.activations > 0) {
			matrix = activity.activity;
			int[] byHour = new int[24];
			for (int[] day : matrix) {
				for (int hour = 0; hour < 24; hour++) {
					byHour[hour] += day[hour];
				}
			}
			int max = IntStream.of(byHour).max().orElse(0);
			int[] hours = byHour;
			peakHours = IntStream.range(0, 24)
				.filter((hour) -> hours[hour] > 0 && hours[hour] >= max * 0.75)
				.boxed()
				.sorted((a, b) -> Integer.compare(hours[b], hours[a]))
				.toList();
		}
		Double mean = null;
		Double median = null;
		if (!activity.onSeconds.isEmpty()) {
			long[] sorted = activity.onSeconds.sorted();
			mean = Math.round(LongStream.of(sorted).average().orElse(0) / 6.0) / 10.0;
			median = Math.round(sorted[sorted.length / 2] / 6.0) / 10.0;
		}
		return new PatternReport.EntityPatterns(activity.entityId, activity.transitions,
				Math.round(activity.transitions * 10.0 / days) / 10.0, activity.activations, matrix, peakHours, mean,
				median, regularities);
	}

	private ZoneId zone() {
		ZoneId known = this.zone;
		if (known == null) {
			String name = this.rest.config().path("time_zone").asString("UTC");
			try {
				known = ZoneId.of(name);
			}
			catch (RuntimeException ex) {
				known = ZoneId.of("UTC");
			}
			this.zone = known;
		}
		return known;
	}

	static String digest(List<String> parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				sha.update(part.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
