package dev.archon.test.secrets;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.archon.test.responses.ResponseLog;
import org.jspecify.annotations.Nullable;

/**
 * The scan that {@code ./archon test} runs after the build: every log line and every
 * recorded response that the test suite produced, searched for every secret it used.
 * <p>
 * What it reads, from the repository's root: the test output that Surefire and Failsafe
 * keep beside their reports ({@code *-output.txt}), the responses that the services under
 * test sent ({@code target/test-responses}, written by {@link ResponseLog}), and the logs
 * of the services that the cluster tests launched ({@code .archon/logs}). What it looks
 * for: {@link TestSecrets}, and the API key and simulator token that the launcher
 * generated or was given for those services.
 * <p>
 * It exits 1 when it finds a secret, naming the file and line and printing the secret
 * masked; and also when it read no log line or no response, since a scan of nothing would
 * pass whatever leaked. It uses nothing but the JDK, so that it runs from
 * {@code archon-test-support/target/classes} alone.
 */
public final class SecretsScan {

	private static final List<String> MODULE_OUTPUTS = List.of("target/surefire-reports/*-output.txt",
			"target/failsafe-reports/*-output.txt", "target/test-responses/*.log");

	private SecretsScan() {
	}

	/**
	 * Scans the test output below a repository's root.
	 * @param arguments the root, or none for the working directory
	 * @throws IOException if a file cannot be read
	 */
	public static void main(String[] arguments) throws IOException {
		Path root = Path.of((arguments.length > 0) ? arguments[0] : "").toAbsolutePath();
		System.exit(run(root, System.getenv(), System.out));
	}

	static int run(Path root, Map<String, String> environment, PrintStream out) throws IOException {
		List<Secret> secrets = secrets(root, environment, out);
		SecretScanner.Result result = new SecretScanner(secrets, ResponseLog.RESPONSE_MARKER).scan(files(root));
		out.printf("secrets scan: %d secrets, %d files, %d lines, %d responses%n", secrets.size(), result.files(),
				result.lines(), result.responses());
		result.findings()
			.forEach((finding) -> out
				.println("LEAKED " + root.relativize(finding.file()) + ":" + finding.line() + ": " + finding.secret()));
		if (!result.findings().isEmpty()) {
			out.printf("secrets scan: %d occurrences of a secret%n", result.findings().size());
			return 1;
		}
		if (result.lines() == 0 || result.responses() == 0) {
			out.println("secrets scan: no log line or no recorded response under " + root
					+ ": run the tests first; a scan of nothing proves nothing");
			return 1;
		}
		return 0;
	}

	private static List<Secret> secrets(Path root, Map<String, String> environment, PrintStream out)
			throws IOException {
		List<Secret> secrets = new ArrayList<>(TestSecrets.all());
		// The launcher's secret() takes the variable when set, else the file it generates
		// once.
		addLauncherSecret(secrets, "launcher API key", environment.get("ARCHON_API_KEY"),
				root.resolve(".archon/api-key"), out);
		addLauncherSecret(secrets, "launcher simulator token", environment.get("HA_SIM_TOKEN"),
				root.resolve(".archon/ha-token"), out);
		return secrets;
	}

	private static void addLauncherSecret(List<Secret> secrets, String name, @Nullable String fromEnvironment,
			Path file, PrintStream out) throws IOException {
		String value = (fromEnvironment != null && !fromEnvironment.isBlank()) ? fromEnvironment.trim()
				: (Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "");
		if (value.isEmpty()) {
			return;
		}
		if (value.length() < Secret.MINIMUM_LENGTH) {
			out.println("secrets scan: not looking for the " + name + ": shorter than " + Secret.MINIMUM_LENGTH
					+ " characters, it would match ordinary text");
			return;
		}
		secrets.add(new Secret(name, value));
	}

	private static List<Path> files(Path root) throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> children = Files.list(root)) {
			for (Path module : children.filter(Files::isDirectory).sorted().toList()) {
				for (String output : MODULE_OUTPUTS) {
					files.addAll(matching(module, output));
				}
			}
		}
		files.addAll(matching(root, ".archon/logs/*.log"));
		return files;
	}

	private static List<Path> matching(Path base, String pattern) throws IOException {
		int slash = pattern.lastIndexOf('/');
		Path directory = base.resolve(pattern.substring(0, slash));
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, pattern.substring(slash + 1))) {
			stream.forEach(files::add);
		}
		files.sort(null);
		return files;
	}

}
