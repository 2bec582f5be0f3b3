package dev.archon.sim.thirdparty.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.archon.sim.thirdparty.GitHubIssues;
import dev.archon.sim.thirdparty.GitHubIssues.Issue;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * GitHub's REST API {@code GET /repos/{owner}/{repo}/issues}, as {@code api.github.com}
 * answers it: the issues and pull requests of {@link GitHubIssues}, filtered by
 * {@code state}, {@code labels} (all of them) and {@code since} (updated at or after),
 * sorted by {@code sort} and {@code direction}, paged by {@code per_page} (at most 100)
 * and {@code page} with a {@code Link} header. Like GitHub it refuses a request without a
 * {@code User-Agent} (403), a malformed {@code Authorization} (401, {@code Bad
 * credentials}) and a parameter it cannot read (422, {@code Validation Failed}); it
 * answers an unknown repository with 404.
 */
@RestController
@RequestMapping("/thirdparty/github")
class GitHubIssuesController {

	private static final String DOCUMENTATION = "https://docs.github.com/rest/issues/issues#list-repository-issues";

	/** GitHub reads {@code since} as ISO 8601 in UTC: {@code YYYY-MM-DDTHH:MM:SSZ}. */
	private static final Pattern SINCE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

	private static final Pattern CREDENTIALS = Pattern.compile("(?i)(bearer|token) \\S+");

	private static final Set<String> STATES = Set.of("open", "closed", "all");

	private static final Set<String> SORTS = Set.of("created", "updated", "comments");

	private static final Set<String> DIRECTIONS = Set.of("asc", "desc");

	@GetMapping("/repos/{owner}/{repo}/issues")
	ResponseEntity<?> issues(@PathVariable String owner, @PathVariable String repo,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestParam(defaultValue = "open") String state, @RequestParam(required = false) @Nullable String labels,
			@RequestParam(defaultValue = "created") String sort, @RequestParam(defaultValue = "desc") String direction,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(name = "per_page", defaultValue = "30") String perPage,
			@RequestParam(defaultValue = "1") String page) {
		if (userAgent == null || userAgent.isBlank()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.contentType(MediaType.TEXT_PLAIN)
				.body("Request forbidden by administrative rules. Please make sure your request has a User-Agent header"
						+ " (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).");
		}
		if (authorization != null && !CREDENTIALS.matcher(authorization.strip()).matches()) {
			return error(HttpStatus.UNAUTHORIZED, "Bad credentials", "https://docs.github.com/rest", null);
		}
		List<Issue> issues = GitHubIssues.of(owner, repo);
		if (issues == null) {
			return error(HttpStatus.NOT_FOUND, "Not Found", DOCUMENTATION, null);
		}
		Integer size = positive(perPage);
		Integer number = positive(page);
		String invalid = !STATES.contains(state) ? "state"
				: !SORTS.contains(sort) ? "sort"
						: !DIRECTIONS.contains(direction) ? "direction" : (since != null && !validSince(since))
								? "since" : (size == null) ? "per_page" : (number == null) ? "page" : null;
		if (invalid != null) {
			return error(HttpStatus.UNPROCESSABLE_CONTENT, "Validation Failed", DOCUMENTATION,
					Map.of("resource", "Issue", "field", invalid, "code", "invalid"));
		}
		List<String> wanted = (labels != null) ? Arrays.stream(labels.split(","))
			.map(String::strip)
			.filter((label) -> !label.isEmpty())
			.map((label) -> label.toLowerCase(Locale.ROOT))
			.toList() : List.of();
		Comparator<Issue> order = switch (sort) {
			case "updated" -> Comparator.comparing(Issue::updated);
			case "comments" -> Comparator.comparingInt(Issue::comments);
			default -> Comparator.comparing(Issue::created);
		};
		List<Issue> matching = issues.stream()
			.filter((issue) -> state.equals("all") || issue.state().equals(state))
			.filter((issue) -> issue.labels().containsAll(wanted))
			.filter((issue) -> since == null || !issue.updated().isBefore(Instant.parse(since)))
			.sorted(direction.equals("asc") ? order : order.reversed())
			.toList();
		int perPageCapped = Math.min(size, 100);
		int pages = Math.max(1, (matching.size() + perPageCapped - 1) / perPageCapped);
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/thirdparty/github").toUriString();
		List<Map<String, Object>> body = matching.stream()
			.skip((long) (number - 1) * perPageCapped)
			.limit(perPageCapped)
			.map((issue) -> json(base, owner, repo, issue))
			.toList();
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.header("X-GitHub-Media-Type", "github.v3; format=json")
			.header("X-RateLimit-Limit", "5000");
		String links = links(number, pages);
		if (!links.isEmpty()) {
			response.header(HttpHeaders.LINK, links);
		}
		return response.contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static @Nullable Integer positive(String value) {
		try {
			int parsed = Integer.parseInt(value.strip());
			return (parsed > 0) ? parsed : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean validSince(String since) {
		if (!SINCE.matcher(since).matches()) {
			return false;
		}
		try {
			Instant.parse(since);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * GitHub's {@code Link} header: prev and first before this page, next and last after.
	 */
	private static String links(int page, int pages) {
		UriComponentsBuilder current = ServletUriComponentsBuilder.fromCurrentRequest();
		List<String> links = new ArrayList<>();
		if (page > 1) {
			links.add(link(current, Math.min(page - 1, pages), "prev"));
		}
		if (page < pages) {
			links.add(link(current, page + 1, "next"));
			links.add(link(current, pages, "last"));
		}
		if (page > 1) {
			links.add(link(current, 1, "first"));
		}
		return String.join(", ", links);
	}

	private static String link(UriComponentsBuilder current, int page, String relation) {
		return "<" + current.cloneBuilder().replaceQueryParam("page", page).toUriString() + ">; rel=\"" + relation
				+ "\"";
	}

	private static Map<String, Object> json(String base, String owner, String repo, Issue issue) {
		String repository = base + "/repos/" + owner + "/" + repo;
		String url = repository + "/issues/" + issue.number();
		String htmlUrl = "https://github.com/" + owner + "/" + repo + (issue.pullRequest() ? "/pull/" : "/issues/")
				+ issue.number();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("url", url);
		json.put("repository_url", repository);
		json.put("labels_url", url + "/labels{/name}");
		json.put("comments_url", url + "/comments");
		json.put("events_url", url + "/events");
		json.put("html_url", htmlUrl);
		json.put("id", 2_000_000_000L + issue.number());
		json.put("node_id", "I_kwDOAbCdEf" + issue.number());
		json.put("number", issue.number());
		json.put("title", issue.title());
		json.put("user", Map.of("login", "octocat", "id", 1, "type", "User", "site_admin", false));
		json.put("labels", issue.labels().stream().map((label) -> label(repository, label)).toList());
		json.put("state", issue.state());
		json.put("locked", false);
		json.put("assignee", null);
		json.put("assignees", List.of());
		json.put("milestone", null);
		json.put("comments", issue.comments());
		json.put("created_at", issue.createdAt());
		json.put("updated_at", issue.updatedAt());
		json.put("closed_at", issue.closedAt());
		json.put("author_association", "OWNER");
		json.put("body", issue.body().isEmpty() ? null : issue.body());
		if (issue.pullRequest()) {
			json.put("pull_request", Map.of("url", repository + "/pulls/" + issue.number(), "html_url", htmlUrl));
		}
		return json;
	}

	private static Map<String, Object> label(String repository, String name) {
		Map<String, Object> label = new LinkedHashMap<>();
		label.put("id", 1_000L + Math.abs(name.hashCode() % 1000));
		label.put("name", name);
		label.put("url", repository + "/labels/" + name);
		label.put("color", name.equals("bug") ? "d73a4a" : "a2eeef");
		label.put("default", Set.of("bug", "enhancement", "documentation").contains(name));
		return label;
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, String documentation,
			@Nullable Map<String, String> error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		if (error != null) {
			body.put("errors", List.of(error));
		}
		body.put("documentation_url", documentation);
		body.put("status", Integer.toString(status.value()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
