package dev.archon.vector.pages.web;

import java.util.List;

import dev.archon.api.wire.vector.SourceSummary;
import dev.archon.vector.pages.Pages;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the store holds: sources, their pages, and whole pages.
 */
@RestController
@RequestMapping("/api/v1/vector")
class PagesController {

	private final Pages pages;

	PagesController(Pages pages) {
		this.pages = pages;
	}

	@GetMapping("/sources")
	List<SourceSummary> sources() {
		return this.pages.sources();
	}

}
