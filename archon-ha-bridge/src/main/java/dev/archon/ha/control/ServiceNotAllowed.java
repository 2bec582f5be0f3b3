package dev.archon.ha.control;

import org.jspecify.annotations.Nullable;

/**
 * The allow-list refuses the service, or the scripts it would run.
 */
public class ServiceNotAllowed extends RuntimeException {

	private final String domain;

	private final String service;

	private final @Nullable String path;

	ServiceNotAllowed(String domain, String service, boolean scripts, @Nullable String path) {
		super(((path != null) ? path + ": the" : "The") + " service " + domain + "." + service
				+ (scripts
						? " may only run the scripts named in archon.ha.control.allowed-scripts, and this one"
								+ " would run another, or scripts that cannot be known before it runs"
						: " is not on the allow-list of this bridge (archon.ha.control.allowed)"));
		this.domain = domain;
		this.service = service;
		this.path = path;
	}

	public String domain() {
		return this.domain;
	}

	public String service() {
		return this.service;
	}

	/**
	 * Where the service is named in the request, such as {@code actions[0].action}.
	 * @return the path, or {@code null} when the request is the call itself
	 */
	public @Nullable String path() {
		return this.path;
	}

}
