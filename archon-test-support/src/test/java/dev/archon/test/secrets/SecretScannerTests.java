package dev.archon.test.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecretScannerTests {

	private static final Secret PLANTED = new Secret("planted key", "planted-secret-6a1d93f0");

	private final SecretScanner scanner = new SecretScanner(List.of(PLANTED), "=== response ");

	@TempDir
	Path directory;

	@Test
	void findsAPlantedSecretWithItsFileAndLine() throws IOException {
		Path log = write("service.log", "started", "calling with Bearer " + PLANTED.value() + " now", "stopped");

		SecretScanner.Result result = this.scanner.scan(List.of(log));

		assertThat(result.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.file()).isEqualTo(log);
			assertThat(finding.line()).isEqualTo(2);
			assertThat(finding.secret()).isEqualTo(PLANTED);
		});
	}

	@Test
	void findsNothingInAMaskedOrPartialSecret() throws IOException {
		Path log = write("service.log", "key " + PLANTED.masked(), "key " + PLANTED.value().substring(0, 20) + "...",
				"key ..." + PLANTED.value().substring(1));

		assertThat(this.scanner.scan(List.of(log)).findings()).isEmpty();
	}

	@Test
	void countsFilesLinesAndRecordedResponses() throws IOException {
		Path log = write("test-output.txt", "one", "two", "three");
		Path responses = write("responses-1.log", "=== response sim GET /api/states 200", "Content-Type: text/plain",
				"", "body", "=== response sim GET /api/config 401", "", "");

		SecretScanner.Result result = this.scanner.scan(List.of(log, responses));

		assertThat(result.files()).isEqualTo(2);
		assertThat(result.lines()).isEqualTo(10);
		assertThat(result.responses()).isEqualTo(2);
	}

	@Test
	void printsASecretOnlyMasked() {
		assertThat(PLANTED.masked()).isEqualTo("pl" + "*".repeat(19) + "f0");
		assertThat(PLANTED.toString()).doesNotContain(PLANTED.value()).contains(PLANTED.masked());
	}

	@Test
	void refusesASecretTooShortToTellFromOrdinaryText() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Secret("provider key", "sim"))
			.withMessageContaining("provider key")
			.withMessageNotContaining("'sim'");
	}

	@Test
	void registryHoldsOnlySecretsLongEnoughToScanFor() {
		assertThat(TestSecrets.all()).extracting(Secret::value)
			.doesNotHaveDuplicates()
			.allSatisfy((value) -> assertThat(value).hasSizeGreaterThanOrEqualTo(Secret.MINIMUM_LENGTH));
	}

	private Path write(String name, String... lines) throws IOException {
		return Files.write(this.directory.resolve(name), List.of(lines));
	}

}
