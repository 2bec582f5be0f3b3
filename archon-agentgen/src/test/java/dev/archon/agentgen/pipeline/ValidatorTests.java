package dev.archon.agentgen.pipeline;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The syntax check reads generated Python in a separate, capped process: a file made to
 * exhaust the parser fails as that file's error, and the checker goes on checking.
 */
class ValidatorTests {

	private final Validator validator = new Validator("python3", Duration.ofSeconds(20));

	@Test
	void failsAFileThatWouldExhaustTheParsersMemoryAndKeepsChecking() {
		// About 6 MB of source whose syntax tree needs far more than the checker may
		// take.
		String huge = "NUMBERS = [" + "1,".repeat(3_000_000) + "]\n";
		assertThat(syntax(Map.of("agent.py", huge, "agent_tools.py", "x = 1\n")))
			.satisfies((check) -> assertThat(check.status()).isEqualTo("failed"))
			.satisfies((check) -> assertThat(check.detail()).contains("agent.py cannot be parsed: MemoryError")
				.doesNotContain("agent_tools.py"));

		assertThat(syntax(Map.of("agent.py", "print('still checking')\n")))
			.satisfies((check) -> assertThat(check.status()).isEqualTo("passed"));
	}

	@Test
	void failsNestingDeeperThanThePythonParserTakes() {
		assertThat(syntax(Map.of("agent.py", "x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n")))
			.satisfies((check) -> assertThat(check.status()).isEqualTo("failed"))
			.satisfies((check) -> assertThat(check.detail()).startsWith("agent.py"));
	}

	private ValidationReport.Check syntax(Map<String, String> files) {
		return this.validator.validate(files)
			.checks()
			.stream()
			.filter((check) -> check.name().equals("python-syntax"))
			.findFirst()
			.orElseThrow();
	}

}
