package dev.archon.ha.patterns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.archon.api.wire.ha.PatternReport;

/**
 * Finds the times of day at which an entity regularly enters a state: its entries are
 * split by weekdays and weekends, grouped where they lie close together in the day, and a
 * group that recurs on most days of its kind, within a narrow spread, is a regularity.
 * Weekday and weekend groups at the same time merge into one for every day.
 */
final class Regularities {

	/** Entries further apart than this in the day belong to different routines. */
	private static final int GAP_MINUTES = 45;

	/** A wider spread is habit, not a routine worth a rule. */
	private static final int MAX_SPREAD_MINUTES = 30;

	private static final double MIN_SHARE = 0.5;

	private Regularities() {
	}

	static List<PatternReport.Regularity> find(EntityActivity activity, Instant from, Instant to, ZoneId zone) {
		int[] dayCounts = dayCounts(from, to, zone);
		List<PatternReport.Regularity> found = new ArrayList<>();
		activity.entries.forEach((state, times) -> {
			if (!EntityActivity.isActive(state) && !activity.domain.equals("climate")
					&& !activity.domain.equals("cover") && !activity.domain.equals("lock")) {
				return;
			}
			List<Group> weekdays = groups(times, false, dayCounts[0]);
			List<Group> weekends = groups(times, true, dayCounts[1]);
			List<Group> weekendsLeft = new ArrayList<>(weekends);
			for (Group weekday : weekdays) {
				Group sameTime = null;
				for (Group weekend : weekendsLeft) {
					if (Math.abs(weekend.median - weekday.median) <= 30) {
						sameTime = weekend;
					}
				}
				if (sameTime != null && sameTime.share >= MIN_SHARE) {
					weekendsLeft.remove(sameTime);
					int days = weekday.days + sameTime.days;
					double share = (double) days / (dayCounts[0] + dayCounts[1]);
					int median = (weekday.median * weekday.days + sameTime.median * sameTime.days) / days;
					add(found, activity.entityId, state, "every day", median, Math.max(weekday.spread, sameTime.spread),
							share);
				}
				else {
					add(found, activity.entityId, state, "weekdays", weekday.median, weekday.spread, weekday.share);
				}
			}
			for (Group weekend : weekendsLeft) {
				add(found, activity.entityId, state, "weekends", weekend.median, weekend.spread, weekend.share);
			}
		});
		found.sort((a, b) -> a.time().compareTo(b.time()));
		return found;
	}

	private static void add(List<PatternReport.Regularity> found, String entityId, String state, String days,
			int minuteOfDay, int spread, double share) {
		if (share < MIN_SHARE || spread > MAX_SPREAD_MINUTES) {
			return;
		}
		String time = String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
		String verb = switch (state) {
			case "on", "off" -> "turns " + state;
			case "open", "closed", "locked", "unlocked" -> "is " + state;
			default -> "becomes " + state;
		};
		String description = String.format(Locale.ROOT, "%s %s on %s at %s ± %d min on %d%% of days", entityId, verb,
				days, time, Math.max(1, spread), Math.round(share * 100));
		found.add(new PatternReport.Regularity(entityId, state, days, time, Math.max(1, spread),
				Math.round(share * 100) / 100.0, description));
	}

	/**
	 * Groups the entries of weekdays or of weekends by their minute of the day.
	 */
	private static List<Group> groups(Longs times, boolean weekends, int daysOfKind) {
		if (daysOfKind == 0) {
			return List.of();
		}
		// Minute of the day in the high half, local day in the low half: sorting orders
		// by minute.
		long[] entries = new long[times.size()];
		int size = 0;
		for (int i = 0; i < times.size(); i++) {
			long local = times.get(i);
			long day = LocalClock.day(local);
			if (LocalClock.isWeekend(day) == weekends) {
				entries[size++] = ((long) LocalClock.minuteOfDay(local) << 32) | (day & 0xFFFF_FFFFL);
			}
		}
		Arrays.sort(entries, 0, size);
		List<Group> groups = new ArrayList<>();
		int start = 0;
		for (int i = 1; i <= size; i++) {
			if (i == size || (entries[i] >>> 32) - (entries[i - 1] >>> 32) > GAP_MINUTES) {
				if (i > start) {
					groups.add(Group.of(entries, start, i, daysOfKind));
				}
				start = i;
			}
		}
		return groups;
	}

	/**
	 * How many weekdays and weekend days the period covers; partial days count when at
	 * least half of them is inside.
	 */
	private static int[] dayCounts(Instant from, Instant to, ZoneId zone) {
		int[] counts = new int[2];
		LocalDate first = from.plusSeconds(12 * 3600).atZone(zone).toLocalDate();
		LocalDate last = to.minusSeconds(12 * 3600).atZone(zone).toLocalDate();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			counts[LocalClock.isWeekend(day.toEpochDay()) ? 1 : 0]++;
		}
		return counts;
	}

	/**
	 * Entries close together in the day.
	 *
	 * @param median their median minute of the day
	 * @param spread the minutes within which most of them lie around the median
	 * @param days on how many distinct days they happened
	 * @param share that as a share of the days of their kind
	 */
	private record Group(int median, int spread, int days, double share) {

		static Group of(long[] entries, int from, int to, int daysOfKind) {
			int count = to - from;
			int median = (int) (entries[from + count / 2] >>> 32);
			int[] deviations = new int[count];
			int[] days = new int[count];
			for (int i = 0; i < count; i++) {
				deviations[i] = Math.abs((int) (entries[from + i] >>> 32) - median);
				days[i] = (int) entries[from + i];
			}
			Arrays.sort(deviations);
			Arrays.sort(days);
			int distinctDays = 0;
			for (int i = 0; i < count; i++) {
				if (i == 0 || days[i] != days[i - 1]) {
					distinctDays++;
				}
			}
			// The spread most days keep to: the 80th percentile of the deviations.
			int spread = deviations[Math.min(count - 1, (int) (count * 0.8))];
			return new Group(median, spread, distinctDays, Math.min(1.0, (double) distinctDays / daysOfKind));
		}

	}

}
