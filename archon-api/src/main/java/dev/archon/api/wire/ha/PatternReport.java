package dev.archon.api.wire.ha;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a week (or more) of history says about a home: {@code GET /api/v1/ha/patterns}.
 *
 * @param from the period's start
 * @param to its end
 * @param days its length in days
 * @param timeZone the home's time zone, in which hours and weekdays are counted
 * @param rows how many history rows were read
 * @param tookMs how long the analysis took
 * @param entities per entity
 * @param coOccurrences entities that follow others
 * @param suggestions automations that would do what people do by hand
 */
public record PatternReport(Instant from, Instant to, int days, String timeZone, long rows, long tookMs,
		List<EntityPatterns> entities, List<CoOccurrence> coOccurrences, List<Suggestion> suggestions) {

	/**
	 * One entity's patterns.
	 *
	 * @param entityId the entity
	 * @param transitions how many times its state changed
	 * @param transitionsPerDay the same per day
	 * @param activations how many times it became active (on, open, playing, …)
	 * @param activityByWeekdayHour activations by weekday (Monday first) and local hour;
	 * absent for entities that were never active
	 * @param peakHours the local hours with the most activations, busiest first
	 * @param meanOnMinutes the mean time it stayed active
	 * @param medianOnMinutes the median time it stayed active
	 * @param regularities the times of day at which it regularly enters a state
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record EntityPatterns(String entityId, long transitions, double transitionsPerDay, long activations,
			int @Nullable [][] activityByWeekdayHour, List<Integer> peakHours, @Nullable Double meanOnMinutes,
			@Nullable Double medianOnMinutes, List<Regularity> regularities) {

	}

	/**
	 * An entity entering a state at about the same time on most days.
	 *
	 * @param entityId the entity
	 * @param state the state it enters
	 * @param days {@code weekdays}, {@code weekends} or {@code every day}
	 * @param time the typical local time, {@code HH:mm}
	 * @param plusMinusMinutes how far most days stray from it
	 * @param share the share of such days on which it happened
	 * @param description the same in words
	 */
	public record Regularity(String entityId, String state, String days, String time, int plusMinusMinutes,
			double share, String description) {

	}

	/**
	 * One entity entering a state soon after another entered one.
	 *
	 * @param trigger the entity that goes first
	 * @param triggerState the state it enters
	 * @param follower the entity that follows
	 * @param followerState the state the follower enters
	 * @param withinSeconds the window
	 * @param count how many times it happened
	 * @param confidence the share of the trigger's activations that the follower followed
	 * @param medianDelaySeconds the typical delay
	 * @param description the same in words
	 */
	public record CoOccurrence(String trigger, String triggerState, String follower, String followerState,
			long withinSeconds, int count, double confidence, double medianDelaySeconds, String description) {

	}

	/**
	 * An automation suggestion.
	 *
	 * @param id a stable id, usable as the automation's id
	 * @param confidence how sure the analysis is, 0 to 1
	 * @param description why it is suggested
	 * @param yaml the automation in Home Assistant's YAML
	 * @param config the same as the automation editor's JSON, for
	 * {@code POST /api/v1/ha/automations}
	 */
	public record Suggestion(String id, double confidence, String description, String yaml, JsonNode config) {

	}

}
