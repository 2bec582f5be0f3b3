package dev.archon.agentgen.pipeline;

import java.util.List;

/**
 * What validation found in the generated files. The code is read, never run.
 *
 * @param passed whether no check failed (a skipped check neither passes nor fails)
 * @param checks each check
 */
public record ValidationReport(boolean passed, List<Check> checks) {

	/**
	 * One check.
	 *
	 * @param name {@code files}, {@code python-syntax}, {@code requirements} or
	 * {@code secrets}
	 * @param status {@code passed}, {@code failed} or {@code skipped}
	 * @param detail what was found
	 */
	public record Check(String name, String status, String detail) {

	}

}
