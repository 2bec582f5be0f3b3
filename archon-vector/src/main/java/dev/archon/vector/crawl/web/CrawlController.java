package dev.archon.vector.crawl.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.Problems;
import dev.archon.vector.crawl.CrawlStatus;
import dev.archon.vector.crawl.Crawler;
import dev.archon.vector.crawl.UrlRefused;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Crawls: accepted at once (202 with the status resource's location), run in the
 * background by whichever instance claims them.
 */
@RestController
class CrawlController {

	private final Crawler crawler;

	CrawlController(Crawler crawler) {
		this.crawler = crawler;
	}

	@PostMapping("/api/v1/vector/crawls")
	ResponseEntity<?> crawl(@Valid @RequestBody CrawlRequest request) {
		List<URI> urls = (request.urls() != null) ? request.urls() : List.of();
		int given = ((request.sitemapUrl() != null) ? 1 : 0) + ((request.llmsTxtUrl() != null) ? 1 : 0)
				+ (urls.isEmpty() ? 0 : 1);
		if (given != 1) {
			ProblemDetail problem = Problems.of(ProblemType.VALIDATION,
					"Give exactly one of sitemapUrl, llmsTxtUrl or a non-empty urls");
			return ResponseEntity.status(problem.getStatus()).body(problem);
		}
		UUID id = this.crawler.accept(request.source(), request.sitemapUrl(), request.llmsTxtUrl(), urls,
				request.maxPages());
		URI location = URI.create("/api/v1/vector/crawls/" + id);
		return ResponseEntity.accepted().location(location).body(this.crawler.status(id));
	}

	@GetMapping("/api/v1/vector/crawls/{id}")
	ResponseEntity<?> status(@PathVariable UUID id) {
		CrawlStatus status = this.crawler.status(id);
		if (status == null) {
			ProblemDetail problem = Problems.of(ProblemType.NOT_FOUND, "No crawl has the id " + id);
			return ResponseEntity.status(problem.getStatus()).body(problem);
		}
		return ResponseEntity.ok(status);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(UrlRefused ex) {
		ProblemDetail problem = Problems.of(ProblemType.BAD_REQUEST, ex.getMessage());
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

}
