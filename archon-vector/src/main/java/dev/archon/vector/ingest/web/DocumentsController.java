package dev.archon.vector.ingest.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import dev.archon.api.wire.vector.IngestRequest;
import dev.archon.api.wire.vector.IngestRequest.DocumentInput;
import dev.archon.api.wire.vector.IngestResponse;
import dev.archon.api.wire.vector.IngestResponse.Rejected;
import dev.archon.vector.VectorProperties;
import dev.archon.vector.ingest.Document;
import dev.archon.vector.ingest.Ingestion;
import dev.archon.vector.ingest.IngestionReport;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Direct ingestion of Markdown pages.
 */
@RestController
class DocumentsController {

	private final Ingestion ingestion;

	private final VectorProperties.Ingest limits;

	DocumentsController(Ingestion ingestion, VectorProperties properties) {
		this.ingestion = ingestion;
		this.limits = properties.ingest();
	}

	@PostMapping("/api/v1/vector/documents")
	IngestResponse ingest(@Valid @RequestBody IngestRequest request) {
		if (request.documents().size() > this.limits.maxDocuments()) {
			throw new TooManyDocuments(this.limits.maxDocuments(), request.documents().size());
		}
		List<Document> valid = new ArrayList<>();
		List<Rejected> rejected = new ArrayList<>();
		Set<String> urls = new HashSet<>();
		for (int i = 0; i < request.documents().size(); i++) {
			DocumentInput input = request.documents().get(i);
			String reason = invalid(input, urls);
			if (reason != null) {
				rejected.add(new Rejected(i, reason));
			}
			else {
				valid.add(new Document(input.url(), (input.title() != null) ? input.title() : "", input.content(),
						(input.metadata() != null) ? input.metadata() : Map.of()));
			}
		}
		if (!rejected.isEmpty() && !Boolean.TRUE.equals(request.partial())) {
			throw new InvalidDocuments(rejected, request.documents().size());
		}
		IngestionReport report = this.ingestion.ingest(request.source(), valid);
		return new IngestResponse(request.source(), report.documents(), report.chunks(), rejected,
				new IngestResponse.Timings(report.chunkingMs(), report.embeddingMs(), report.storingMs(),
						report.totalMs()),
				report.chunksPerSecond());
	}

	private @Nullable String invalid(@Nullable DocumentInput input, Set<String> urls) {
		if (input == null) {
			return "the document is null";
		}
		if (input.url() == null || input.url().isBlank()) {
			return "url is missing";
		}
		if (input.url().length() > 2000) {
			return "url is longer than 2000 characters";
		}
		try {
			if (!URI.create(input.url()).isAbsolute()) {
				return "url is not absolute";
			}
		}
		catch (IllegalArgumentException ex) {
			return "url is not a URI: " + ex.getMessage();
		}
		if (input.content() == null) {
			return "content is missing";
		}
		if (input.content().length() > this.limits.maxDocumentCharacters()) {
			return "content is longer than " + this.limits.maxDocumentCharacters() + " characters";
		}
		if (!urls.add(input.url())) {
			return "url appears twice in this request";
		}
		return null;
	}

}
