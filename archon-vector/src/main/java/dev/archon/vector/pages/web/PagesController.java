package dev.archon.vector.pages.web;

import java.util.List;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.Problems;
import dev.archon.api.wire.vector.PageContent;
import dev.archon.api.wire.vector.SourceSummary;
import dev.archon.vector.VectorProperties;
import dev.archon.vector.pages.Corpus;
import dev.archon.vector.pages.Pages;
import dev.archon.vector.pages.Pages.StoredChunk;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the store holds: sources, their pages, and whole pages.
 */
@RestController
@RequestMapping("/api/v1/vector")
class PagesController {

	private final Pages pages;

	private final Corpus corpus;

	private final int maxCharacters;

	PagesController(Pages pages, Corpus corpus, VectorProperties properties) {
		this.pages = pages;
		this.corpus = corpus;
		this.maxCharacters = properties.search().maxPageCharacters();
	}

	@GetMapping("/sources")
	List<SourceSummary> sources() {
		return this.pages.sources();
	}

	@GetMapping("/pages")
	List<String> pages(@RequestParam String source) {
		return this.pages.urls(source);
	}

	/**
	 * A whole page, its chunks joined in order, cut at the configured cap.
	 */
	@GetMapping("/pages/content")
	ResponseEntity<?> content(@RequestParam String url) {
		List<StoredChunk> chunks = this.pages.chunks(url);
		if (chunks.isEmpty()) {
			return ResponseEntity.status(ProblemType.NOT_FOUND.status())
				.body(Problems.of(ProblemType.NOT_FOUND, "No page with the URL " + url + " is stored"));
		}
		StringBuilder content = new StringBuilder();
		for (StoredChunk chunk : chunks) {
			content.append(chunk.content());
		}
		boolean truncated = content.length() > this.maxCharacters;
		String text = truncated ? content.substring(0, this.maxCharacters) : content.toString();
		return ResponseEntity.ok(new PageContent(url, chunks.get(0).title(), text, truncated));
	}

	@DeleteMapping("/sources/{source}")
	ResponseEntity<Void> delete(@PathVariable String source) {
		int deleted = this.pages.deleteSource(source);
		if (deleted > 0) {
			this.corpus.bump();
		}
		return (deleted > 0) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

}
