package dev.archon.ha.patterns;

import org.jspecify.annotations.Nullable;

/**
 * An automation that cannot be created as it is.
 */
public class InvalidAutomation extends RuntimeException {

	private final @Nullable String path;

	InvalidAutomation(String message) {
		super(message);
		this.path = null;
	}

	/**
	 * An automation with something wrong at a place in it.
	 * @param path where, such as {@code actions[0].action}
	 * @param message what, and how to fix it
	 */
	InvalidAutomation(String path, String message) {
		super(path + ": " + message);
		this.path = path;
	}

	/**
	 * Where the automation is wrong.
	 * @return the path, or {@code null} when it is the whole request
	 */
	public @Nullable String path() {
		return this.path;
	}

}
