package dev.archon.test.secrets;

/**
 * A secret that must never appear in what the test suite produced.
 *
 * @param name what the secret is, for the report
 * @param value the secret itself
 */
public record Secret(String name, String value) {

	/**
	 * Below this length a value occurs by chance in ordinary text, so a scan for it would
	 * report noise rather than leaks.
	 */
	static final int MINIMUM_LENGTH = 12;

	public Secret {
		if (value.length() < MINIMUM_LENGTH) {
			throw new IllegalArgumentException("The secret '" + name + "' is shorter than " + MINIMUM_LENGTH
					+ " characters: too short to be told apart from ordinary text");
		}
	}

	/**
	 * The secret as a report may print it: its first and last two characters, the rest
	 * starred.
	 * @return the masked value
	 */
	public String masked() {
		return this.value.substring(0, 2) + "*".repeat(this.value.length() - 4)
				+ this.value.substring(this.value.length() - 2);
	}

	@Override
	public String toString() {
		return this.name + " (" + masked() + ")";
	}

}
