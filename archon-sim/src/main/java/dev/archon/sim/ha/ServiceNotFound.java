package dev.archon.sim.ha;

/**
 * A service that is not registered, like Home Assistant's {@code ServiceNotFound}.
 */
public class ServiceNotFound extends RuntimeException {

	public ServiceNotFound(String domain, String service) {
		super("Service " + domain + "." + service + " not found.");
	}

}
