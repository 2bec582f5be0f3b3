package dev.archon.ha.control;

/**
 * A service call that cannot be sent as it is.
 */
public class InvalidServiceCall extends RuntimeException {

	public InvalidServiceCall(String message) {
		super(message);
	}

}
