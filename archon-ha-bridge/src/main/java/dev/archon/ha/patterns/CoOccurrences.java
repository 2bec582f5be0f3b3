package dev.archon.ha.patterns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.archon.api.wire.ha.PatternReport;

/**
 * Finds entities that become active soon after another does (a light after a motion
 * sensor, a door after its lock) in one pass over the time-ordered activations, counting
 * each pair once per activation of the trigger. A pair counts only when it happens far
 * more often than chance would make it. Pairs are counted in a primitive table, and the
 * delays kept only for the pairs that qualify, in a second pass.
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

	/** A pair must happen this many times more often than chance would make it. */
	private static final double OVER_CHANCE = 3;

	private CoOccurrences() {
	}

	static List<PatternReport.CoOccurrence> find(ActivationLog log, List<EntityActivity> entities, Duration window,
			Duration period) {
		int count = entities.size();
		log.sort(count);
		long windowMillis = window.toMillis();
		double periodMillis = Math.max(1, period.toMillis());
		boolean[] followers = new boolean[count];
		double[] chances = new double[count];
		for (EntityActivity entity : entities) {
			// How often the entity would start inside a window by chance alone.
			chances[entity.index] = Math.min(1.0, entity.activations * (double) windowMillis / periodMillis);
			// A follower so busy that chance alone explains it can never qualify.
			followers[entity.index] = FOLLOWERS.contains(entity.domain) && OVER_CHANCE * chances[entity.index] <= 1.0;
		}
		int[][] byEntity = positionsByEntity(log, count);
		Window scan = new Window(log, followers, windowMillis);
		int[] counts = new int[count];
		Longs[] delays = new Longs[count];
		List<PatternReport.CoOccurrence> found = new ArrayList<>();
		for (EntityActivity trigger : entities) {
			int[] activations = byEntity[trigger.index];
			if (!TRIGGERS.contains(trigger.domain) || activations.length < MIN_COUNT) {
				continue;
			}
			// One trigger at a time: its followers are counted in a dense array that
			// stays in the cache, and delays are kept only for the followers that
			// qualify.
			Longs touched = new Longs();
			scan.each(activations, (follower, delay) -> {
				if (counts[follower]++ == 0) {
					touched.add(follower);
				}
			});
			boolean any = false;
			for (int i = 0; i < touched.size(); i++) {
				int follower = (int) touched.get(i);
				double confidence = (double) counts[follower] / Math.max(1, trigger.activations);
				if (counts[follower] >= MIN_COUNT && confidence >= MIN_CONFIDENCE
						&& confidence >= OVER_CHANCE * chances[follower]) {
					delays[follower] = new Longs();
					any = true;
				}
				counts[follower] = 0;
			}
			if (any) {
				scan.each(activations, (follower, delay) -> {
					if (delays[follower] != null) {
						delays[follower].add(delay);
					}
				});
				for (int i = 0; i < touched.size(); i++) {
					int follower = (int) touched.get(i);
					if (delays[follower] != null) {
						found.add(describe(trigger, entities.get(follower), delays[follower], window));
						delays[follower] = null;
					}
				}
			}
		}
		found.sort(Comparator.comparingDouble(PatternReport.CoOccurrence::confidence)
			.thenComparingInt(PatternReport.CoOccurrence::count)
			.reversed()
			.thenComparing(PatternReport.CoOccurrence::trigger)
			.thenComparing(PatternReport.CoOccurrence::follower));
		return found;
	}

	/** Each entity's positions in the time-ordered log, in time order. */
	private static int[][] positionsByEntity(ActivationLog log, int count) {
		int[] sizes = new int[count];
		for (int i = 0; i < log.size(); i++) {
			sizes[log.entity(i)]++;
		}
		int[][] positions = new int[count][];
		for (int entity = 0; entity < count; entity++) {
			positions[entity] = new int[sizes[entity]];
			sizes[entity] = 0;
		}
		for (int i = 0; i < log.size(); i++) {
			int entity = log.entity(i);
			positions[entity][sizes[entity]++] = i;
		}
		return positions;
	}

	private static PatternReport.CoOccurrence describe(EntityActivity trigger, EntityActivity follower, Longs delays,
			Duration window) {
		int count = delays.size();
		double confidence = Math.min(1.0, (double) count / Math.max(1, trigger.activations));
		double median = delays.sorted()[count / 2] / 1000.0;
		String triggerState = dominantState(trigger);
		String followerState = dominantState(follower);
		String description = String.format(Locale.ROOT,
				"%s becomes %s within %d s after %s becomes %s (%d times, %d%% of the time, typically after %.0f s)",
				follower.entityId, followerState, window.toSeconds(), trigger.entityId, triggerState, count,
				Math.round(confidence * 100), median);
		return new PatternReport.CoOccurrence(trigger.entityId, triggerState, follower.entityId, followerState,
				window.toSeconds(), count, Math.round(confidence * 100) / 100.0, median, description);
	}

	/** The active state the entity enters most often. */
	static String dominantState(EntityActivity activity) {
		String best = "on";
		int most = -1;
		for (Map.Entry<String, Longs> entry : activity.entries.entrySet()) {
			if (EntityActivity.isActive(entry.getKey()) && entry.getValue().size() > most) {
				best = entry.getKey();
				most = entry.getValue().size();
			}
		}
		return best;
	}

	@FunctionalInterface
	private interface FollowerVisitor {

		void visit(int follower, long delayMillis);

	}

	/**
	 * Visits every follower activation within the window after each of a trigger's
	 * activations, once per follower and activation however often the follower flickers.
	 */
	private static final class Window {

		private final ActivationLog log;

		private final boolean[] followers;

		private final long windowMillis;

		/** Which activation last visited each follower: constant time per check. */
		private final long[] visitedFor;

		private long pass;

		Window(ActivationLog log, boolean[] followers, long windowMillis) {
			this.log = log;
			this.followers = followers;
			this.windowMillis = windowMillis;
			this.visitedFor = new long[followers.length];
			Arrays.fill(this.visitedFor, -1);
		}

		void each(int[] activations, FollowerVisitor visitor) {
			// Stamps differ between passes, so that a second pass over the same
			// activations
			// visits again.
			this.pass++;
			for (int i : activations) {
				int trigger = this.log.entity(i);
				long time = this.log.time(i);
				long stamp = this.pass * this.log.size() + i;
				for (int j = i + 1; j < this.log.size() && this.log.time(j) - time <= this.windowMillis; j++) {
					int follower = this.log.entity(j);
					if (follower != trigger && this.followers[follower] && this.visitedFor[follower] != stamp) {
						this.visitedFor[follower] = stamp;
						visitor.visit(follower, this.log.time(j) - time);
					}
				}
			}
		}

	}

}
