package dev.archon.vector.pages.web;

import java.util.List;

import dev.archon.api.wire.vector.PageContent;
import dev.archon.api.wire.vector.SourceSummary;
import dev.archon.vector.VectorProperties;
import dev.archon.vector.pages.Corpus;
import dev.archon.vector.pages.PageNotFound;
import dev.archon.vector.pages.Pages;
import dev.archon.vector.pages.Pages.StoredChunk;
import dev.archon.vector.pages.SourceNotFound;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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
	PageContent content(@RequestParam String url) {
		List<StoredChunk> chunks = this.pages.chunks(url);
		if (chunks.isEmpty()) {
			throw new PageNotFound(url);
		}
		StringBuilder content = new StringBuilder();
		for (StoredChunk chunk : chunks) {
			content.append(chunk.content());
		}
		boolean truncated = content.length() > this.maxCharacters;
		String text = truncated ? content.substring(0, this.maxCharacters) : content.toString();
		return new PageContent(url, chunks.get(0).title(), text, truncated);
	}

	@DeleteMapping("/sources/{source}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String source) {
		if (this.pages.deleteSource(source) == 0) {
			throw new SourceNotFound(source);
		}
		this.corpus.bump();
	}

}
