package dev.archon.ha.control.web;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import dev.archon.api.wire.ha.BatchOperation;
import dev.archon.api.wire.ha.BatchRequest;
import dev.archon.api.wire.ha.BatchResponse;
import dev.archon.api.wire.ha.OperationResult;
import dev.archon.api.wire.ha.ServiceRequest;
import dev.archon.api.wire.ha.ServiceResult;
import dev.archon.ha.control.Batches;
import dev.archon.ha.control.ServiceCall;
import dev.archon.ha.control.ServiceCalls;
import dev.archon.ha.problem.HaProblems;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service calls, one at a time or in batches.
 */
@RestController
@RequestMapping("/api/v1/ha")
class ControlController {

	private final ServiceCalls calls;

	private final Batches batches;

	ControlController(ServiceCalls calls, Batches batches) {
		this.calls = calls;
		this.batches = batches;
	}

	@PostMapping("/services/{domain}/{service}")
	ServiceResult call(@PathVariable String domain, @PathVariable String service,
			@RequestBody(required = false) @Nullable ServiceRequest request) {
		ServiceRequest body = (request != null) ? request : ServiceRequest.EMPTY;
		return this.calls.call(ServiceCall.of(domain, service, body.target(), body.data()));
	}

	@PostMapping("/batch")
	BatchResponse batch(@RequestBody @Valid BatchRequest request) {
		List<BatchOperation> operations = request.operations();
		List<Batches.Outcome> outcomes = this.batches.run(operations.stream()
			.map((operation) -> new Batches.Operation(() -> ServiceCall.of(String.valueOf(operation.domain()),
					String.valueOf(operation.service()), operation.target(), operation.data())))
			.toList(), request.concurrency());
		return BatchResponse.of(IntStream.range(0, outcomes.size())
			.mapToObj((index) -> result(index, operations.get(index), outcomes.get(index)))
			.toList());
	}

	private static OperationResult result(int index, BatchOperation operation, Batches.Outcome outcome) {
		ServiceResult result = outcome.result();
		return (result != null) ? OperationResult.succeeded(index, operation, result)
				: OperationResult.failed(index, operation, HaProblems.of(outcome.failure()).getBody());
	}

}
