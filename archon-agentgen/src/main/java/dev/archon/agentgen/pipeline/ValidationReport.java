package dev.archon.agentgen.pipeline;

import java.util.List;

/**
 * What validation found in the generated files. The code is read, never run.
 *
 * @param passed whether no check failed (a skipped check, or a warning, neither passes
 * nor fails)
 * @param checks each check
 */
public record ValidationReport(boolean passed, List<Check> checks) {

	/**
	 * One check.
	 *
	 * @param name {@code files}, {@code python-syntax}, {@code requirements},
	 * {@code secrets} or {@code invisible-characters}
	 * @param status {@code passed}, {@code failed}, {@code skipped}, or {@code warning}
	 * for something the user should know that does not fail validation
	 * @param detail what was found
	 */
	public record Check(String name, String status, String detail) {

	}

}
