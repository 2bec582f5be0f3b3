package dev.archon.sim.ha;

/**
 * Whether a service answers with data, as Home Assistant's {@code SupportsResponse}.
 */
public enum SupportsResponse {

	/** It never does. */
	NONE,
	/** It does when asked. */
	OPTIONAL,
	/** It must be asked to. */
	ONLY

}
