package dev.archon.agentgen.pipeline;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of the pipeline's steps, as stored per job. Refinement steps carry their
 * round, such as {@code refine-2-tools} and {@code refine-2-coder}; a new version made
 * with the feedback {@code refine} has one round without a number.
 */
public final class Steps {

	public static final String SCOPE = "scope";

	public static final String ADVISOR = "advisor";

	public static final String RETRIEVAL = "retrieval";

	public static final String CODER = "coder";

	public static final String VALIDATION = "validation";

	static final String REFINE = "refine-";

	/** The three refiners of a round, named like their prompts. */
	static final List<String> REFINERS = List.of("refine-prompt", "refine-tools", "refine-agent");

	private static final Pattern ROUND = Pattern.compile("^refine-\\d+-");

	private Steps() {
	}

	/**
	 * The prefix of the steps of a refinement round.
	 * @param round the round, from 1
	 * @return such as {@code refine-1-}
	 */
	static String round(int round) {
		return REFINE + round + "-";
	}

	/**
	 * The name of a refiner's step in a round.
	 * @param prefix the round's prefix, {@code refine-} for the unnumbered round
	 * @param refiner one of {@link #REFINERS}
	 * @return such as {@code refine-1-tools}
	 */
	static String refiner(String prefix, String refiner) {
		return prefix + refiner.substring(REFINE.length());
	}

	/**
	 * The kind of a step, without its round: few values, fit for a metric tag.
	 * @param name the step's name, such as {@code refine-2-tools}
	 * @return such as {@code refine-tools}, or {@code coder} for a round's coder
	 */
	public static String kind(String name) {
		String step = ROUND.matcher(name).replaceFirst("");
		return (step.equals(name) || step.equals(CODER)) ? step : REFINE + step;
	}

}
