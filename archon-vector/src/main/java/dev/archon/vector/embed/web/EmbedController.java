package dev.archon.vector.embed.web;

import jakarta.validation.Valid;

import dev.archon.api.wire.vector.EmbedRequest;
import dev.archon.api.wire.vector.EmbedResponse;
import dev.archon.vector.embed.Embedder;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Embeddings for clients and benchmarks, from the same model the store uses.
 */
@RestController
class EmbedController {

	private final Embedder embedder;

	EmbedController(Embedder embedder) {
		this.embedder = embedder;
	}

	@PostMapping("/api/v1/vector/embed")
	EmbedResponse embed(@Valid @RequestBody EmbedRequest request) {
		return new EmbedResponse(this.embedder.model(), this.embedder.dimension(),
				this.embedder.embed(request.texts()));
	}

}
