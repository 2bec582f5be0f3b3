package dev.archon.sim.thirdparty;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one repository the GitHub fake serves, {@value #OWNER}/{@value #REPOSITORY}: open
 * and closed issues with labels, and a pull request, which GitHub lists among the issues.
 */
public final class GitHubIssues {

	public static final String OWNER = "octo-org";

	public static final String REPOSITORY = "octo-repo";

	private static final List<Issue> ISSUES = List.of(
			new Issue(12, "Pump stops after ten minutes", "The garden pump stops after ten minutes of watering.",
					List.of("bug"), "open", "2026-01-05T09:14:00Z", "2026-01-06T08:02:00Z", false),
			new Issue(11, "Add a frost warning", "Warn the evening before a night below zero.", List.of("enhancement"),
					"open", "2026-01-04T17:40:00Z", "2026-01-05T11:30:00Z", false),
			new Issue(10, "Crash when the soil sensor is offline", "A KeyError when the sensor has no reading.",
					List.of("bug", "needs-triage"), "open", "2026-01-03T08:05:00Z", "2026-01-03T08:05:00Z", false),
			new Issue(9, "Fix a typo in the README", "", List.of(), "open", "2026-01-02T21:00:00Z",
					"2026-01-02T21:10:00Z", true),
			new Issue(8, "Document the wiring", "Which pin goes where.", List.of("documentation"), "closed",
					"2025-12-20T10:00:00Z", "2025-12-28T16:45:00Z", false),
			new Issue(7, "Support Home Assistant 2025.12", "The new release renamed a service.", List.of("enhancement"),
					"open", "2025-12-10T07:30:00Z", "2025-12-11T09:00:00Z", false));

	private GitHubIssues() {
	}

	/**
	 * The repository's issues and pull requests, newest first.
	 * @param owner the owner named in the path
	 * @param repository the repository named in the path
	 * @return its issues, or {@code null} when no such repository exists
	 */
	public static @Nullable List<Issue> of(String owner, String repository) {
		return (owner.equalsIgnoreCase(OWNER) && repository.equalsIgnoreCase(REPOSITORY)) ? ISSUES : null;
	}

	/**
	 * An issue, or a pull request when {@code pullRequest} is set.
	 */
	public record Issue(int number, String title, String body, List<String> labels, String state, String createdAt,
			String updatedAt, boolean pullRequest) {

		public Instant created() {
			return Instant.parse(this.createdAt);
		}

		public Instant updated() {
			return Instant.parse(this.updatedAt);
		}

		/**
		 * How many comments it has: a few, differing from issue to issue so that sorting
		 * by comments is visible.
		 * @return the count
		 */
		public int comments() {
			return this.number % 4;
		}

		/**
		 * When it was closed: at its last update.
		 * @return the time, or {@code null} while it is open
		 */
		public @Nullable String closedAt() {
			return this.state.equals("closed") ? this.updatedAt : null;
		}

	}

}
