package dev.archon.ha.control;

/**
 * The allow-list refuses the service.
 */
public class ServiceNotAllowed extends RuntimeException {

	private final String domain;

	private final String service;

	public ServiceNotAllowed(String domain, String service) {
		super("The service " + domain + "." + service
				+ " is not on the allow-list of this bridge (archon.ha.control.allowed)");
		this.domain = domain;
		this.service = service;
	}

	public String domain() {
		return this.domain;
	}

	public String service() {
		return this.service;
	}

}
