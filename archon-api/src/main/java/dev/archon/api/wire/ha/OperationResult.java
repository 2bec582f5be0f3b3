package dev.archon.api.wire.ha;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ProblemDetail;

/**
 * The outcome of one operation of a batch: {@code changedStates} and {@code tookMs} when
 * it succeeded, {@code problem} when it failed.
 *
 * @param index its position in the batch
 * @param domain the service's domain, as the operation gave it
 * @param service the service, as the operation gave it
 * @param status whether it succeeded
 * @param changedStates the states it changed, when it succeeded
 * @param tookMs how long it took, when it succeeded
 * @param problem why it failed, when it did: the problem a single call would have
 * answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationResult(int index, @Nullable String domain, @Nullable String service, Status status,
		@Nullable List<JsonNode> changedStates, @Nullable Long tookMs, @Nullable ProblemDetail problem) {

	/**
	 * A succeeded operation.
	 * @param index its position in the batch
	 * @param operation the operation
	 * @param result what it did
	 * @return its outcome
	 */
	public static OperationResult succeeded(int index, BatchOperation operation, ServiceResult result) {
		return new OperationResult(index, operation.domain(), operation.service(), Status.OK, result.changedStates(),
				result.tookMs(), null);
	}

	/**
	 * A failed operation.
	 * @param index its position in the batch
	 * @param operation the operation
	 * @param problem why it failed
	 * @return its outcome
	 */
	public static OperationResult failed(int index, BatchOperation operation, ProblemDetail problem) {
		return new OperationResult(index, operation.domain(), operation.service(), Status.FAILED, null, null, problem);
	}

	/**
	 * Whether an operation succeeded.
	 */
	public enum Status {

		@JsonProperty("ok")
		OK,

		@JsonProperty("failed")
		FAILED

	}

}
