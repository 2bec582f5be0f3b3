package dev.archon.sim.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code python3} for checks on generated code, when it is installed.
 */
final class Python {

	private static final String IMPORTS = """
			import ast, sys
			found = set()
			for name in sys.argv[1:]:
			    tree = ast.parse(open(name).read(), name)
			    for node in ast.walk(tree):
			        if isinstance(node, ast.Import):
			            found.update(alias.name.split('.')[0] for alias in node.names)
			        elif isinstance(node, ast.ImportFrom) and node.level == 0:
			            found.add(node.module.split('.')[0])
			local = {'agent', 'agent_tools', 'agent_prompts', '__future__'}
			print(' '.join(sorted(m for m in found if m not in sys.stdlib_module_names and m not in local)))
			""";

	private Python() {
	}

	static boolean available() {
		try {
			return new ProcessBuilder("python3", "--version").start().waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Parses a file with {@code ast.parse}.
	 * @return the exit status and output
	 */
	static Result parse(Path file) throws Exception {
		return run("python3", "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", file.toString());
	}

	/**
	 * The third-party modules that some Python files import.
	 */
	static Result thirdPartyImports(List<Path> files) throws Exception {
		List<String> command = new ArrayList<>(List.of("python3", "-c", IMPORTS));
		files.forEach((file) -> command.add(file.toString()));
		return run(command.toArray(String[]::new));
	}

	private static Result run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("python3 did not finish: " + String.join(" ", command));
		}
		return new Result(process.exitValue(), output.trim());
	}

	record Result(int exit, String output) {

	}

}
