package dev.archon.agentgen.gateway.web;

import java.time.Duration;
import java.time.Instant;

import dev.archon.agentgen.gateway.UsageLedger;
import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.Problems;
import dev.archon.api.wire.gateway.LlmUsage;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the gateway's calls used, per API key and per provider.
 */
@RestController
class UsageController {

	private static final Duration DEFAULT_PERIOD = Duration.ofDays(1);

	private static final Duration LONGEST_PERIOD = Duration.ofDays(366);

	private final UsageLedger ledger;

	UsageController(UsageLedger ledger) {
		this.ledger = ledger;
	}

	/**
	 * The totals between two instants (ISO 8601), the last day until now by default.
	 */
	@GetMapping("/api/v1/llm/usage")
	LlmUsage usage(@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to) {
		Instant end = (to != null) ? to : Instant.now();
		Instant start = (from != null) ? from : end.minus(DEFAULT_PERIOD);
		if (!start.isBefore(end) || Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(ProblemType.VALIDATION,
					"'from' must come before 'to', and the period may not be longer than 366 days."), null);
		}
		return this.ledger.report(start, end);
	}

}
