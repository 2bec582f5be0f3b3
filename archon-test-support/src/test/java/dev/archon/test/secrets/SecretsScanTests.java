package dev.archon.test.secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsScanTests {

	private static final String LAUNCHER_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef";

	@TempDir
	Path root;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	@Test
	void passesAndCountsWhatTheSuiteProducedWhenNoSecretLeaked() throws IOException {
		writeCleanRun();

		assertThat(scan(Map.of())).isZero();
		assertThat(printed()).contains(TestSecrets.all().size() + " secrets, 3 files, 6 lines, 1 responses")
			.doesNotContain("LEAKED");
	}

	@Test
	void failsWithTheFileAndLineOfARegisteredSecretAndPrintsItMasked() throws IOException {
		writeCleanRun();
		write("archon-vector/target/failsafe-reports/dev.archon.vector.SearchIntegrationTests-output.txt",
				"INFO started", "DEBUG Authorization: Bearer " + TestSecrets.API_KEY);

		assertThat(scan(Map.of())).isEqualTo(1);
		assertThat(printed()).contains(
				"LEAKED archon-vector/target/failsafe-reports/dev.archon.vector.SearchIntegrationTests-output.txt:2:"
						+ " API key (" + new Secret("API key", TestSecrets.API_KEY).masked() + ")")
			.doesNotContain(TestSecrets.API_KEY);
	}

	@Test
	void looksForTheLauncherKeyInTheClusterLogs() throws IOException {
		writeCleanRun();
		write(".archon/api-key", LAUNCHER_KEY);
		write(".archon/logs/vector-1.log", "{\"message\":\"key " + LAUNCHER_KEY + "\"}");

		assertThat(scan(Map.of())).isEqualTo(1);
		assertThat(printed()).contains((TestSecrets.all().size() + 1) + " secrets, 4 files")
			.contains("LEAKED .archon/logs/vector-1.log:1: launcher API key")
			.doesNotContain(LAUNCHER_KEY);
	}

	@Test
	void takesTheLauncherKeyFromTheEnvironmentWhenSet() throws IOException {
		writeCleanRun();
		write(".archon/logs/agentgen-1.log", "key " + LAUNCHER_KEY);

		assertThat(scan(Map.of("ARCHON_API_KEY", LAUNCHER_KEY))).isEqualTo(1);
		assertThat(printed()).contains("LEAKED .archon/logs/agentgen-1.log:1: launcher API key");
	}

	@Test
	void failsWhenThereWasNothingToScan() throws IOException {
		assertThat(scan(Map.of())).isEqualTo(1);
		assertThat(printed()).contains("0 files, 0 lines, 0 responses").contains("a scan of nothing proves nothing");
	}

	@Test
	void failsWhenLogsWereWrittenButNoResponseWasRecorded() throws IOException {
		write("archon-api/target/surefire-reports/dev.archon.api.ApiKeysTests-output.txt", "a line");

		assertThat(scan(Map.of())).isEqualTo(1);
		assertThat(printed()).contains("1 lines, 0 responses");
	}

	private void writeCleanRun() throws IOException {
		write("archon-api/target/surefire-reports/dev.archon.api.ApiKeysTests-output.txt", "INFO one", "INFO two");
		write("archon-api/target/test-responses/responses-42.log", "=== response api GET /api/count 200", "",
				"{\"count\":2}");
		write(".archon/logs/sim.log", "INFO sim started");
	}

	private int scan(Map<String, String> environment) throws IOException {
		return SecretsScan.run(this.root, environment, new PrintStream(this.printed, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

	private void write(String path, String... lines) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.write(file, List.of(lines));
	}

}
