package dev.archon.agentgen.compose;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Turns the way people say when something runs ("every weekday at 8:00", "hourly", "every
 * 15 minutes") into a five-field cron line, and a cron line back into words.
 */
final class Schedules {

	private static final Pattern EVERY_MINUTES = Pattern.compile("every (\\d{1,2}) ?(?:minutes|mins|min)\\b");

	private static final Pattern EVERY_HOURS = Pattern.compile("every (\\d{1,2}) ?hours\\b");

	private static final Pattern HOURLY = Pattern.compile("\\b(?:hourly|every hour|each hour|once an hour)\\b");

	private static final Pattern TIME = Pattern
		.compile("\\bat (\\d{1,2})(?:[:h.](\\d{2}))? ?(am|pm|a\\.m\\.|p\\.m\\.)?|\\b(noon|midnight)\\b");

	private static final Pattern WEEKDAYS = Pattern.compile(
			"\\b(?:every|each|on) (?:weekday|working day|work day)s?\\b" + "|\\bmonday to friday\\b|\\bweekdays\\b");

	private static final Pattern WEEKLY = Pattern.compile("\\b(?:weekly|every week|each week|once a week)\\b");

	private static final Pattern DAILY = Pattern
		.compile("\\b(?:daily|every day|each day|every morning|each morning|every evening|each evening|every night"
				+ "|each night|nightly|once a day|every weekend)\\b");

	private static final List<String> DAYS = List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
			"saturday");

	private static final Pattern DAY = Pattern.compile("\\b(?:every|each|on) (" + String.join("|", DAYS) + ")s?\\b");

	private static final Map<String, Integer> DEFAULT_HOURS = Map.of("morning", 8, "evening", 18, "night", 22);

	private Schedules() {
	}

	/**
	 * The cron line a text asks for.
	 * @param text a description or feedback, in lower case
	 * @return the cron line, or {@code null} when the text names no schedule
	 */
	static @Nullable String cron(String text) {
		Matcher minutes = EVERY_MINUTES.matcher(text);
		if (minutes.find()) {
			return "*/" + minutes.group(1) + " * * * *";
		}
		Matcher hours = EVERY_HOURS.matcher(text);
		if (hours.find()) {
			return "0 */" + hours.group(1) + " * * *";
		}
		if (HOURLY.matcher(text).find()) {
			return "0 * * * *";
		}
		String days = days(text);
		Matcher time = TIME.matcher(text);
		boolean timed = time.find();
		// A bare "at 3" may be anything ("look at 3 pages"): alone, only a time with
		// minutes, am/pm, noon or midnight makes a schedule.
		boolean clockTime = timed && (time.group(2) != null || time.group(3) != null || time.group(4) != null);
		if (days == null && !clockTime && !DAILY.matcher(text).find()) {
			return null;
		}
		int hour = defaultHour(text);
		int minute = 0;
		if (timed) {
			if (time.group(4) != null) {
				hour = time.group(4).equals("noon") ? 12 : 0;
			}
			else {
				hour = Integer.parseInt(time.group(1)) % 24;
				minute = (time.group(2) != null) ? Integer.parseInt(time.group(2)) % 60 : 0;
				String half = time.group(3);
				if (half != null && half.startsWith("p") && hour < 12) {
					hour += 12;
				}
				if (half != null && half.startsWith("a") && hour == 12) {
					hour = 0;
				}
			}
		}
		return minute + " " + hour + " * * " + ((days != null) ? days : "*");
	}

	private static @Nullable String days(String text) {
		if (WEEKDAYS.matcher(text).find()) {
			return "1-5";
		}
		if (text.contains("every weekend") || text.contains("at weekends") || text.contains("on weekends")) {
			return "0,6";
		}
		Matcher day = DAY.matcher(text);
		if (day.find()) {
			return String.valueOf(DAYS.indexOf(day.group(1)));
		}
		return WEEKLY.matcher(text).find() ? "1" : null;
	}

	private static int defaultHour(String text) {
		for (Map.Entry<String, Integer> part : DEFAULT_HOURS.entrySet()) {
			if (text.contains(part.getKey())) {
				return part.getValue();
			}
		}
		return 8;
	}

	/**
	 * A cron line in words, for the plan and the agent's header.
	 * @param cron a cron line that {@link #cron(String)} wrote
	 * @return such as {@code every weekday at 08:00}
	 */
	static String describe(@Nullable String cron) {
		if (cron == null) {
			return "no schedule";
		}
		String[] fields = cron.split(" ");
		if (fields[0].startsWith("*/")) {
			return "every " + fields[0].substring(2) + " minutes";
		}
		if (fields[1].equals("*")) {
			return "every hour, on the hour";
		}
		if (fields[1].startsWith("*/")) {
			return "every " + fields[1].substring(2) + " hours";
		}
		String at = String.format(Locale.ROOT, "%02d:%02d", Integer.parseInt(fields[1]), Integer.parseInt(fields[0]));
		return switch (fields[4]) {
			case "*" -> "every day at " + at;
			case "1-5" -> "every weekday at " + at;
			case "0,6" -> "every weekend day at " + at;
			default -> "every " + capitalised(DAYS.get(Integer.parseInt(fields[4]))) + " at " + at;
		};
	}

	private static String capitalised(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
