package dev.archon.sim.ha;

/**
 * Service data that fails the service's schema, like voluptuous's {@code Invalid}: the
 * WebSocket API answers {@code invalid_format}, the REST API 400.
 */
public class InvalidServiceData extends RuntimeException {

	public InvalidServiceData(String message) {
		super(message);
	}

}
