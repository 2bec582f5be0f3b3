package dev.archon.vector.web;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.Problems;
import dev.archon.vector.crawl.CrawlNotFound;
import dev.archon.vector.crawl.UrlRefused;
import dev.archon.vector.crawl.web.InvalidCrawlTargets;
import dev.archon.vector.embed.UnreadableText;
import dev.archon.vector.index.NothingToIndex;
import dev.archon.vector.ingest.web.InvalidDocuments;
import dev.archon.vector.ingest.web.TooManyDocuments;
import dev.archon.vector.pages.PageNotFound;
import dev.archon.vector.pages.SourceNotFound;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the vector service's own failures with problems from the catalogue. Ordered
 * before archon-api's catch-all handler, which would otherwise claim them as internal
 * errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class VectorProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> pageNotFound(PageNotFound ex) {
		return answer(with(Problems.of(ProblemType.NOT_FOUND, ex.getMessage()), "url", ex.url()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> sourceNotFound(SourceNotFound ex) {
		return answer(with(Problems.of(ProblemType.NOT_FOUND, ex.getMessage()), "source", ex.source()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> crawlNotFound(CrawlNotFound ex) {
		return answer(with(Problems.of(ProblemType.NOT_FOUND, ex.getMessage()), "crawlId", ex.id()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> urlRefused(UrlRefused ex) {
		return answer(Problems.of(ProblemType.BAD_REQUEST, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidCrawlTargets(InvalidCrawlTargets ex) {
		return answer(Problems.of(ProblemType.VALIDATION, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadableText(UnreadableText ex) {
		return answer(with(Problems.of(ProblemType.VALIDATION, ex.getMessage()), "text", ex.index()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> nothingToIndex(NothingToIndex ex) {
		return answer(Problems.of(ProblemType.CONFLICT, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyDocuments(TooManyDocuments ex) {
		return answer(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidDocuments(InvalidDocuments ex) {
		return answer(with(Problems.of(ProblemType.VALIDATION, ex.getMessage()), "rejected", ex.rejected()));
	}

	private static ProblemDetail with(ProblemDetail problem, String name, Object value) {
		problem.setProperty(name, value);
		return problem;
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

}
