package dev.archon.test.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent's {@code agent_tools.py} in a folder of its own, whose tools it runs one at a
 * time in python3, each in a fresh process with only the environment it is given: the
 * process awaits the tool with a run context whose {@code deps.http} is an
 * {@code httpx.AsyncClient}, as the generated {@code agent.py} does, and prints what the
 * tool returns.
 * <p>
 * httpx is Debian's {@code python3-httpx}, so the interpreter is Debian's
 * {@code /usr/bin/python3} unless {@code ARCHON_PYTHON} names another. Pydantic AI cannot
 * be installed here: where it is missing, a stand-in that provides only
 * {@code RunContext}, which {@code agent_tools.py} imports to annotate its tools, is put
 * beside the module.
 */
public final class PythonTools {

	private static final String PYTHON = System.getenv().getOrDefault("ARCHON_PYTHON", "/usr/bin/python3");

	private static final long TIMEOUT_SECONDS = 30;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final Path folder;

	private PythonTools(Path folder) {
		this.folder = folder;
	}

	/**
	 * Writes the module and what runs it into a folder.
	 * @param folder an empty folder for this module alone
	 * @param agentTools the text of {@code agent_tools.py}
	 * @return the tools of that module
	 * @throws IOException when the folder cannot be written
	 * @throws IllegalStateException when the interpreter cannot import httpx
	 */
	public static PythonTools of(Path folder, String agentTools) throws IOException {
		PythonTools tools = new PythonTools(folder);
		if (tools.execute(List.of("-c", "import httpx"), Map.of()).exitCode() != 0) {
			throw new IllegalStateException(PYTHON + " cannot import httpx: install Debian's python3-httpx"
					+ " (deploy/local/lib/provision.sh does), or name another interpreter in ARCHON_PYTHON");
		}
		Files.writeString(folder.resolve("agent_tools.py"), agentTools, StandardCharsets.UTF_8);
		tools.copy("run_tool.py");
		if (tools.execute(List.of("-c", "import pydantic_ai"), Map.of()).exitCode() != 0) {
			tools.copy("pydantic_ai.py");
		}
		return tools;
	}

	/**
	 * The module's tools: its async functions whose first parameter is {@code ctx}.
	 * @return each tool's name and the names of its other parameters, in the module's
	 * order of names
	 */
	public Map<String, List<String>> tools() {
		Run listing = execute(List.of("run_tool.py", "--list"), Map.of());
		if (listing.exitCode() != 0) {
			throw new IllegalStateException("agent_tools.py cannot be imported:\n" + listing.errors());
		}
		return JSON.readValue(listing.output(), new TypeReference<LinkedHashMap<String, List<String>>>() {
		});
	}

	/**
	 * Awaits one tool.
	 * @param tool its name
	 * @param arguments its arguments but the context, as JSON values
	 * @param environment the process's whole environment besides {@code PATH}: what the
	 * tool reads with {@code os.getenv}
	 * @return how the process ended, and what it printed
	 */
	public Run run(String tool, Map<String, ?> arguments, Map<String, String> environment) {
		return execute(List.of("run_tool.py", tool, JSON.writeValueAsString(arguments)), environment);
	}

	private Run execute(List<String> arguments, Map<String, String> environment) {
		try {
			Path out = Files.createTempFile(this.folder, "out", ".txt");
			Path err = Files.createTempFile(this.folder, "err", ".txt");
			ProcessBuilder builder = new ProcessBuilder(PYTHON).directory(this.folder.toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.command().addAll(arguments);
			// Only what the test gives: a key in the developer's shell must not make a
			// tool pass here that fails for a user without one.
			builder.environment().clear();
			builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
			builder.environment().put("PYTHONIOENCODING", "utf-8");
			builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
				return new Run(-1, Files.readString(out), "did not finish within " + TIMEOUT_SECONDS + " s\n"
						+ Files.readString(err, StandardCharsets.UTF_8));
			}
			return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip(),
					Files.readString(err, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + PYTHON + " in " + this.folder, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + arguments, ex);
		}
	}

	private void copy(String resource) throws IOException {
		try (InputStream in = PythonTools.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No " + resource + " beside " + PythonTools.class.getName());
			}
			Files.copy(in, this.folder.resolve(resource));
		}
	}

	/**
	 * How a tool's process ended.
	 *
	 * @param exitCode 0 when the tool returned, 1 when it raised, -1 when it did not
	 * finish in time
	 * @param output what the tool returned, printed
	 * @param errors what the process wrote to its standard error, such as a traceback
	 */
	public record Run(int exitCode, String output, String errors) {

		public boolean returned() {
			return this.exitCode == 0;
		}

	}

}
