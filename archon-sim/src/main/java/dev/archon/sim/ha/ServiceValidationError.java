package dev.archon.sim.ha;

/**
 * A service call that is well formed but cannot be done as asked, like Home Assistant's
 * {@code ServiceValidationError}: the WebSocket API answers
 * {@code service_validation_error}, the REST API 400.
 */
public class ServiceValidationError extends RuntimeException {

	public ServiceValidationError(String message) {
		super(message);
	}

}
