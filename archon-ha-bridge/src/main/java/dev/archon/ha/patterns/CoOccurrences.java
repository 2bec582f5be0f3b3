package dev.archon.ha.patterns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds entities that become active soon after another does (a light after a motion
 * sensor, a door after its lock) in one pass over the time-ordered activations, counting
 * each pair once per activation of the trigger. A pair counts only when it happens far
 * more often than chance would make it.
 */
final class CoOccurrences {

	/** What people and sensors do first. */
	private static final Set<String> TRIGGERS = Set.of("binary_sensor", "lock", "switch", "input_boolean",
			"media_player", "cover", "person", "device_tracker");

	/** What is worth automating in response. */
	private static final Set<String> FOLLOWERS = Set.of("light", "switch", "fan", "media_player", "cover", "climate",
			"binary_sensor", "input_boolean", "scene", "script");

	private static final int MIN_COUNT = 4;

	private static final double MIN_CONFIDENCE = 0.6;

	private CoOccurrences() {
	}

	static List<PatternReport.CoOccurrence> find(ActivationLog log, List<EntityActivity> entities, Duration window,
			Duration period) {
		log.sort();
		long windowMillis = window.toMillis();
		Map<Long, List<Long>> delays = new HashMap<>();
		// Which trigger activation last counted each follower: once per activation, even
		// when the follower flickers, in constant time however busy the window is.
		int[] countedFor = new int[entities.size()];
		java.util.Arrays.fill(countedFor, -1);
		for (int i = 0; i < log.size(); i++) {
			EntityActivity trigger = entities.get(log.entity(i));
			if (!TRIGGERS.contains(trigger.domain)) {
				continue;
			}
			for (int j = i + 1; j < log.size() && log.time(j) - log.time(i) <= windowMillis; j++) {
				int follower = log.entity(j);
				if (follower == trigger.index || countedFor[follower] == i
						|| !FOLLOWERS.contains(entities.get(follower).domain)) {
					continue;
				}
				countedFor[follower] = i;
				long key = ((long) trigger.index << 32) | follower;
				delays.computeIfAbsent(key, (k) -> new ArrayList<>()).add(log.time(j) - log.time(i));
			}
		}
		List<PatternReport.CoOccurrence> found = new ArrayList<>();
		double periodMillis = Math.max(1, period.toMillis());
		delays.forEach((key, pairDelays) -> {
			EntityActivity trigger = entities.get((int) (key >>> 32));
			EntityActivity follower = entities.get((int) (long) key);
			int count = pairDelays.size();
			double confidence = (double) count / Math.max(1, trigger.activations);
			// How often the follower would start inside a window by chance alone.
			double chance = Math.min(1.0, follower.activations * (double) windowMillis / periodMillis);
			if (count < MIN_COUNT || confidence < MIN_CONFIDENCE || confidence < 3 * chance) {
				return;
			}
			pairDelays.sort(null);
			double median = pairDelays.get(pairDelays.size() / 2) / 1000.0;
			String triggerState = dominantState(trigger);
			String followerState = dominantState(follower);
			String description = String.format(Locale.ROOT,
					"%s becomes %s within %d s after %s becomes %s (%d times, %d%% of the time, typically after %.0f s)",
					follower.entityId, followerState, window.toSeconds(), trigger.entityId, triggerState, count,
					Math.round(Math.min(1.0, confidence) * 100), median);
			found.add(new PatternReport.CoOccurrence(trigger.entityId, triggerState, follower.entityId, followerState,
					window.toSeconds(), count, Math.round(Math.min(1.0, confidence) * 100) / 100.0, median,
					description));
		});
		found.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
		return found;
	}

	/** The active state the entity enters most often. */
	static String dominantState(EntityActivity activity) {
		String best = "on";
		int most = -1;
		for (Map.Entry<String, List<Long>> entry : activity.entries.entrySet()) {
			if (EntityActivity.isActive(entry.getKey()) && entry.getValue().size() > most) {
				best = entry.getKey();
				most = entry.getValue().size();
			}
		}
		return best;
	}

}
