package dev.archon.api.wire.agents;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a version written by the built-in composer does: how it runs, what it reads, what
 * it does with it and where the result goes. Each part is a lower-case id, such as
 * {@code schedule}, {@code github} or {@code slack}, so that a client can render or test
 * it without parsing prose.
 *
 * @param trigger how it runs
 * @param sources what it reads, such as {@code github}, {@code web_search} or
 * {@code home_assistant}
 * @param steps what it does with what it read, such as {@code filter} or {@code digest}
 * @param sinks where the result goes, such as {@code slack}, {@code file} or
 * {@code terminal}
 * @param labels the only labels an item may carry to be reported, none for all
 * @param subject what the sources are about (a repository, a place, an entity), empty
 * when the description names none
 */
public record AgentPlan(Trigger trigger, List<String> sources, List<String> steps, List<String> sinks,
		List<String> labels, String subject) {

	/**
	 * How and when the agent runs.
	 *
	 * @param mode {@code chat}, {@code once}, {@code schedule} or {@code event}
	 * @param cron the schedule as a cron line, for {@code schedule}
	 * @param entity the Home Assistant entity whose changes start a run, for
	 * {@code event}
	 */
	public record Trigger(String mode, @Nullable String cron, @Nullable String entity) {

	}

}
