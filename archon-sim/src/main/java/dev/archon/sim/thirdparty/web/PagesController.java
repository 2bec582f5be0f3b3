package dev.archon.sim.thirdparty.web;

import java.net.URI;

import dev.archon.sim.thirdparty.WebPages;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The pages of {@link WebPages} as a web server sends them: {@code GET /{slug}} answers
 * the HTML, {@code GET /moved/{slug}} a permanent redirect to it (for fetchers that must
 * follow redirects), and an unknown page a 404 page.
 */
@RestController
@RequestMapping("/thirdparty/pages")
class PagesController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	@GetMapping("/{slug}")
	ResponseEntity<String> page(@PathVariable String slug) {
		return WebPages.find(slug)
			.map((page) -> ResponseEntity.ok().contentType(HTML).body(page.html()))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(HTML)
				.body("<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
						+ "<body><h1>Not Found</h1></body></html>"));
	}

	@GetMapping("/moved/{slug}")
	ResponseEntity<Void> moved(@PathVariable String slug) {
		URI target = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/thirdparty/pages/{slug}")
			.buildAndExpand(slug)
			.toUri();
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(target).build();
	}

}
