package dev.archon.ha.control;

/**
 * A service call that cannot be sent as it is.
 */
public class InvalidServiceCall extends RuntimeException {

	InvalidServiceCall(String message) {
		super(message);
	}

}
