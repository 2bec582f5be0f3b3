package dev.archon.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./archon} the way an operator does, and reads the state it keeps under
 * {@code .archon/}.
 */
final class Launcher {

	private final Path root;

	Launcher(Path root) {
		this.root = root;
	}

	static Launcher ofRepository() {
		Path root = Path.of("").toAbsolutePath();
		while (root != null && !Files.isExecutable(root.resolve("archon"))) {
			root = root.getParent();
		}
		if (root == null) {
			throw new IllegalStateException("No ./archon launcher above " + Path.of("").toAbsolutePath());
		}
		return new Launcher(root);
	}

	/**
	 * Runs the launcher, with the jars that this Maven build has just packaged.
	 * @param timeout how long it may take
	 * @param arguments its arguments
	 * @return what it printed, once it exited 0
	 */
	String run(Duration timeout, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(this.root.resolve("archon").toString());
		command.addAll(List.of(arguments));
		Path output = Files.createTempFile("archon-", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("ARCHON_SKIP_BUILD", "1");
		Process process = builder.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("./archon " + String.join(" ", arguments) + " did not finish in " + timeout
					+ ":\n" + Files.readString(output, StandardCharsets.UTF_8));
		}
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"./archon " + String.join(" ", arguments) + " exited " + process.exitValue() + ":\n" + printed);
		}
		return printed;
	}

	String apiKey() throws IOException {
		String fromEnvironment = System.getenv("ARCHON_API_KEY");
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment.trim();
		}
		return Files.readString(this.root.resolve(".archon/api-key")).trim();
	}

	/**
	 * The process the launcher started under a name, from its pid file.
	 * @param name such as {@code vector-1}
	 * @return the process, when it is alive
	 */
	Optional<ProcessHandle> process(String name) throws IOException {
		Path pidFile = this.root.resolve(".archon/run/" + name + ".pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
	}

	/**
	 * Every process still alive that runs one of this repository's jars.
	 * @return those processes
	 */
	List<ProcessHandle> javaProcessesOfThisRepository() {
		String jars = this.root.toString();
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info()
				.commandLine()
				.map((line) -> line.contains(jars) && line.contains("-SNAPSHOT") && line.contains(".jar"))
				.orElse(false))
			.toList();
	}

}
