package dev.archon.api.wire.ha;

import java.util.List;

/**
 * A batch's outcome. A batch answers 200 even when operations failed: each says for
 * itself.
 *
 * @param succeeded how many operations succeeded
 * @param failed how many failed
 * @param results one per operation, in the order of the request
 */
public record BatchResponse(int succeeded, int failed, List<OperationResult> results) {

	/**
	 * The outcome of a batch from the outcomes of its operations.
	 * @param results one per operation, in order
	 * @return the batch's outcome, with its counts
	 */
	public static BatchResponse of(List<OperationResult> results) {
		int failed = (int) results.stream()
			.filter((result) -> result.status() == OperationResult.Status.FAILED)
			.count();
		return new BatchResponse(results.size() - failed, failed, results);
	}

}
