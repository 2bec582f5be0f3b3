package dev.archon.sim.thirdparty.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.archon.sim.thirdparty.WebPages;
import dev.archon.sim.thirdparty.WebPages.Page;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Brave's Web Search API {@code GET /res/v1/web/search}, as {@code api.search.brave.com}
 * answers it: the pages of {@link WebPages}, best match first, as {@code web.results}
 * with {@code title}, {@code url} (served by {@link PagesController}) and a
 * {@code description} in which the query's words are in {@code <strong>}. It refuses,
 * with 422 and Brave's {@code ErrorResponse}, a request without an
 * {@code X-Subscription-Token} ({@code SUBSCRIPTION_TOKEN_INVALID}) and a {@code q} that
 * is missing or longer than 400 characters, a {@code count} outside 1 to 20 or an
 * {@code offset} outside 0 to 9 ({@code VALIDATION}).
 */
@RestController
@RequestMapping("/thirdparty/brave/res/v1")
class BraveSearchController {

	private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

	@GetMapping("/web/search")
	ResponseEntity<Map<String, Object>> search(
			@RequestHeader(name = "X-Subscription-Token", required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "20") String count,
			@RequestParam(defaultValue = "0") String offset) {
		if (token == null || token.isBlank()) {
			return error("SUBSCRIPTION_TOKEN_INVALID", "The provided subscription token is invalid.",
					Map.of("component", "authentication"));
		}
		Integer size = within(count, 1, 20);
		String invalid = (q == null || q.isBlank() || q.length() > 400) ? "q"
				: (size == null) ? "count" : (within(offset, 0, 9) == null) ? "offset" : null;
		if (invalid != null) {
			return error("VALIDATION", "Unable to validate request parameter(s)",
					Map.of("errors", List.of(Map.of("loc", List.of("query", invalid), "type", "value_error", "msg",
							"q must be 1 to 400 characters, count 1 to 20, offset 0 to 9"))));
		}
		List<String> words = Arrays.stream(WORDS.split(q.toLowerCase(Locale.ROOT)))
			.filter((word) -> word.length() > 2)
			.toList();
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/thirdparty/pages/").toUriString();
		List<Map<String, Object>> results = WebPages.all()
			.stream()
			.sorted(Comparator.comparingLong((Page page) -> matches(page, words)).reversed())
			.limit(size)
			.map((page) -> result(base + page.slug(), page, words))
			.toList();
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("original", q);
		query.put("show_strict_warning", false);
		query.put("is_navigational", false);
		query.put("spellcheck_off", true);
		query.put("country", "us");
		query.put("more_results_available", false);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "search");
		body.put("query", query);
		body.put("mixed",
				Map.of("type", "mixed", "main",
						results.stream()
							.map((result) -> Map.of("type", "web", "index", results.indexOf(result), "all", false))
							.toList()));
		body.put("web", Map.of("type", "search", "results", results, "family_friendly", true));
		return ResponseEntity.ok(body);
	}

	private static @Nullable Integer within(String value, int min, int max) {
		try {
			int parsed = Integer.parseInt(value.strip());
			return (parsed >= min && parsed <= max) ? parsed : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static long matches(Page page, List<String> words) {
		String text = (page.title() + " " + page.snippet()).toLowerCase(Locale.ROOT);
		return words.stream().filter(text::contains).count();
	}

	private static Map<String, Object> result(String url, Page page, List<String> words) {
		URI uri = URI.create(url);
		String description = page.snippet();
		for (String word : words) {
			description = description.replaceAll("(?i)\\b(" + Pattern.quote(word) + ")\\b", "<strong>$1</strong>");
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("type", "search_result");
		result.put("subtype", "generic");
		result.put("title", page.title());
		result.put("url", url);
		result.put("is_source_local", false);
		result.put("is_source_both", false);
		result.put("description", description);
		result.put("language", "en");
		result.put("family_friendly", true);
		result.put("profile",
				Map.of("name", uri.getHost(), "url", url, "long_name", uri.getHost(), "img", url + "/favicon.ico"));
		result.put("meta_url", Map.of("scheme", uri.getScheme(), "netloc", uri.getAuthority(), "hostname",
				uri.getHost(), "favicon", url + "/favicon.ico", "path", "› pages › " + page.slug()));
		return result;
	}

	private static ResponseEntity<Map<String, Object>> error(String code, String detail, Map<String, Object> meta) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("id", UUID.randomUUID().toString());
		error.put("status", 422);
		error.put("code", code);
		error.put("detail", detail);
		error.put("meta", meta);
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(Map.of("type", "ErrorResponse", "error", error, "time", System.currentTimeMillis() / 1000));
	}

}
