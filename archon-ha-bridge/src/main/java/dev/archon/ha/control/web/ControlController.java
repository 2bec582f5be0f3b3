package dev.archon.ha.control.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.archon.ha.control.Batches;
import dev.archon.ha.control.ServiceCall;
import dev.archon.ha.control.ServiceCalls;
import dev.archon.ha.web.HaProblems;

import org.springframework.http.ProblemDetail;
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
	ServiceCalls.Result call(@PathVariable String domain, @PathVariable String service,
			@RequestBody(required = false) @Nullable ServiceRequest request) {
		ServiceRequest body = (request != null) ? request : new ServiceRequest(null, null);
		return this.calls.call(ServiceCall.of(domain, service, body.target(), body.data()));
	}

	@PostMapping("/batch")
	BatchResponse batch(@RequestBody @Valid BatchRequest request) {
		List<Batches.Operation> operations = request.operations()
			.stream()
			.map((operation) -> new Batches.Operation(() -> ServiceCall.of(String.valueOf(operation.domain()),
					String.valueOf(operation.service()), operation.target(), operation.data())))
			.toList();
		int[] index = { 0 };
		List<OperationResult> results = this.batches.run(operations, request.concurrency(), (outcome) -> {
			BatchOperation operation = request.operations().get(index[0]);
			int position = index[0]++;
			if (outcome.result() != null) {
				return new OperationResult(position, operation.domain(), operation.service(), "ok",
						outcome.result().changedStates(), outcome.result().tookMs(), null);
			}
			ProblemDetail problem = HaProblems.problemFor(outcome.failure());
			return new OperationResult(position, operation.domain(), operation.service(), "failed", null, null,
					problem);
		});
		long failed = results.stream().filter((result) -> result.problem() != null).count();
		return new BatchResponse(results.size() - (int) failed, (int) failed, results);
	}

	/**
	 * A service call's body, as Home Assistant's WebSocket {@code call_service} takes it.
	 *
	 * @param target {@code entity_id}, {@code area_id} or {@code device_id}
	 * @param data the service data
	 */
	record ServiceRequest(@Nullable JsonNode target, @Nullable JsonNode data) {

	}

	/**
	 * A batch.
	 *
	 * @param operations the calls, run in parallel
	 * @param concurrency how many may run at once; bounded by the bridge's setting
	 */
	record BatchRequest(@NotNull @NotEmpty List<@Valid @NotNull BatchOperation> operations,
			@Nullable Integer concurrency) {

	}

	/**
	 * One operation of a batch.
	 *
	 * @param domain the service's domain
	 * @param service the service
	 * @param target its target
	 * @param data its data
	 */
	record BatchOperation(@Nullable String domain, @Nullable String service, @Nullable JsonNode target,
			@Nullable JsonNode data) {

	}

	/**
	 * The outcome of one operation.
	 *
	 * @param index its position in the batch
	 * @param domain the service's domain
	 * @param service the service
	 * @param status {@code ok} or {@code failed}
	 * @param changedStates the states it changed, when it succeeded
	 * @param tookMs how long it took, when it succeeded
	 * @param problem why it failed, when it did
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record OperationResult(int index, @Nullable String domain, @Nullable String service, String status,
			@Nullable List<JsonNode> changedStates, @Nullable Long tookMs, @Nullable ProblemDetail problem) {

	}

	/**
	 * A batch's outcome.
	 *
	 * @param succeeded how many operations succeeded
	 * @param failed how many failed
	 * @param results one per operation, in order
	 */
	record BatchResponse(int succeeded, int failed, List<OperationResult> results) {

	}

}
