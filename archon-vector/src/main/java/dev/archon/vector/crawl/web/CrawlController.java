package dev.archon.vector.crawl.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import dev.archon.api.wire.vector.CrawlProgress;
import dev.archon.api.wire.vector.CrawlRequest;
import dev.archon.vector.crawl.CrawlNotFound;
import dev.archon.vector.crawl.CrawlStatus;
import dev.archon.vector.crawl.Crawler;

import org.springframework.http.ResponseEntity;
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
	ResponseEntity<CrawlProgress> crawl(@Valid @RequestBody CrawlRequest request) {
		if (!request.namesOneTarget()) {
			throw new InvalidCrawlTargets();
		}
		UUID id = this.crawler.accept(request.source(), request.sitemapUrl(), request.llmsTxtUrl(),
				request.urlsOrEmpty(), request.maxPages());
		URI location = URI.create("/api/v1/vector/crawls/" + id);
		return ResponseEntity.accepted().location(location).body(progress(id));
	}

	@GetMapping("/api/v1/vector/crawls/{id}")
	CrawlProgress status(@PathVariable UUID id) {
		return progress(id);
	}

	private CrawlProgress progress(UUID id) {
		CrawlStatus status = this.crawler.status(id);
		if (status == null) {
			throw new CrawlNotFound(id);
		}
		return new CrawlProgress(status.id(), status.source(), status.status(), status.error(), status.createdAt(),
				status.finishedAt(),
				status.urls()
					.stream()
					.map((url) -> new CrawlProgress.UrlOutcome(url.url(), url.status(), url.attempts(), url.chunks(),
							url.detail()))
					.toList());
	}

}
