package dev.archon.agentgen.pipeline;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.archon.agentgen.pipeline.ValidationReport.Check;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the generated files: all five present, the Python parses (with {@code python3}'s
 * {@code ast.parse} in a subprocess, never executing the code), the requirements cover
 * the imports, no file holds something that looks like a secret, and what
 * {@link InvisibleCharacters} escaped is told to the user.
 */
class Validator {

	/**
	 * Parses the files of each line of input (a JSON object of path to source) and
	 * answers one line: per file, whether it parses and which modules outside the
	 * standard library it imports. Read, never run. Its address space is capped by its
	 * first argument, so that a file built to exhaust the parser (deep nesting, a huge
	 * literal) fails that file with a MemoryError instead of growing the process.
	 */
	private static final String PARSER = """
			import ast, json, resource, sys
			limit = int(sys.argv[1])
			resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
			stdlib = set(getattr(sys, "stdlib_module_names", ()))
			for line in sys.stdin:
			    out = {}
			    for path, source in json.loads(line).items():
			        try:
			            tree = ast.parse(source, filename=path)
			        except SyntaxError as e:
			            out[path] = {"ok": False, "error": "line %s: %s" % (e.lineno, e.msg)}
			            continue
			        except (MemoryError, RecursionError, ValueError) as e:
			            out[path] = {"ok": False, "error": "cannot be parsed: %s" % type(e).__name__}
			            continue
			        modules = set()
			        for node in ast.walk(tree):
			            if isinstance(node, ast.Import):
			                modules.update(a.name.split(".")[0] for a in node.names)
			            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
			                modules.add(node.module.split(".")[0])
			        out[path] = {"ok": True, "imports": sorted(m for m in modules if m not in stdlib)}
			    sys.stdout.write(json.dumps(out) + "\\n")
			    sys.stdout.flush()
			""";

	/**
	 * The checker's address space: the interpreter needs a few tens of megabytes, and the
	 * largest file a coder's token budget allows parses in far less than the rest.
	 */
	static final long PARSER_MEMORY_LIMIT = 256L * 1024 * 1024;

	private static final Pattern IMPORT = Pattern
		.compile("^\\s*(?:from\\s+([A-Za-z_]\\w*)[\\w.]*\\s+import|import\\s+([A-Za-z_]\\w*))", Pattern.MULTILINE);

	/** Import names whose package is named differently. */
	private static final Map<String, String> PACKAGES = Map.ofEntries(Map.entry("dotenv", "python-dotenv"),
			Map.entry("yaml", "pyyaml"), Map.entry("bs4", "beautifulsoup4"), Map.entry("pil", "pillow"),
			Map.entry("sklearn", "scikit-learn"), Map.entry("dateutil", "python-dateutil"),
			Map.entry("googleapiclient", "google-api-python-client"), Map.entry("slack_sdk", "slack-sdk"),
			Map.entry("mcp", "mcp"), Map.entry("pydantic_ai", "pydantic-ai"));

	/** Modules that Python ships with, for when python3 is not there to say. */
	private static final Set<String> STDLIB = Set.of("os", "sys", "re", "json", "asyncio", "dataclasses", "typing",
			"datetime", "zoneinfo", "pathlib", "logging", "time", "math", "random", "collections", "functools",
			"itertools", "uuid", "enum", "abc", "contextlib", "textwrap", "urllib", "base64", "hashlib", "__future__",
			"argparse", "subprocess", "shutil", "tempfile", "string", "io", "copy", "decimal", "statistics", "csv",
			"sqlite3", "http", "html", "email", "secrets", "traceback", "warnings", "inspect", "types", "operator");

	private static final Set<String> LOCAL = Set.of("agent", "agent_tools", "agent_prompts");

	private static final List<Pattern> SECRETS = List.of(Pattern.compile("sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}"),
			Pattern.compile("AKIA[0-9A-Z]{16}"), Pattern.compile("gh[pousr]_[A-Za-z0-9]{30,}"),
			Pattern.compile("xox[abpr]-[A-Za-z0-9-]{10,}"), Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
			Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
			Pattern.compile("(?i)(?:api[_-]?key|token|secret|password)\\s*[=:]\\s*[\"']?[A-Za-z0-9_\\-]{24,}"));

	private final JsonMapper json = JsonMapper.builder().build();

	private final String python;

	private final Duration timeout;

	private @Nullable String interpreter;

	private @Nullable Process checker;

	private BufferedWriter requests = new BufferedWriter(Writer.nullWriter());

	private BufferedReader answers = new BufferedReader(Reader.nullReader());

	private final ExecutorService reading = Executors.newVirtualThreadPerTaskExecutor();

	Validator(String python, Duration timeout) {
		this.python = python;
		this.timeout = timeout;
	}

	ValidationReport validate(Map<String, String> files) {
		return validate(files, List.of());
	}

	/**
	 * Validates files whose invisible characters were escaped.
	 * @param files the escaped files
	 * @param escaped what was escaped, and what the user's own text held
	 * @return the report
	 */
	ValidationReport validate(Map<String, String> files, List<InvisibleCharacters.Finding> escaped) {
		List<Check> checks = new ArrayList<>();
		List<String> missing = CoderAnswer.FILES.stream().filter((file) -> !files.containsKey(file)).toList();
		checks.add(missing.isEmpty() ? new Check("files", "passed", "all five files present")
				: new Check("files", "failed", "missing: " + String.join(", ", missing)));
		Map<String, String> python = new LinkedHashMap<>();
		files.forEach((path, content) -> {
			if (path.endsWith(".py")) {
				python.put(path, content);
			}
		});
		Set<String> imports = new LinkedHashSet<>();
		Parsed parsed = parse(python);
		if (parsed == null) {
			checks.add(new Check("python-syntax", "skipped", "python3 is not available; syntax was not checked"));
			python.values().forEach((source) -> imports.addAll(importsByPattern(source)));
		}
		else {
			checks.add(parsed.errors().isEmpty() ? new Check("python-syntax", "passed", "every Python file parses")
					: new Check("python-syntax", "failed", String.join("; ", parsed.errors())));
			imports.addAll(parsed.imports());
		}
		checks.add(requirements(imports, files.getOrDefault("requirements.txt", "")));
		List<String> secrets = new ArrayList<>();
		files.forEach((path, content) -> {
			for (Pattern pattern : SECRETS) {
				if (pattern.matcher(content).find()) {
					secrets.add(path);
					break;
				}
			}
		});
		checks.add(secrets.isEmpty() ? new Check("secrets", "passed", "no secret-looking string")
				: new Check("secrets", "failed", "secret-looking string in " + String.join(", ", secrets)));
		checks.add(invisibleCharacters(files, escaped));
		boolean passed = checks.stream().noneMatch((check) -> check.status().equals("failed"));
		return new ValidationReport(passed, checks);
	}

	private Check requirements(Set<String> imports, String requirements) {
		Set<String> listed = new HashSet<>();
		for (String line : requirements.split("\\R")) {
			Matcher name = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)").matcher(line);
			if (!line.strip().startsWith("#") && name.find()) {
				listed.add(normalize(name.group(1)));
			}
		}
		List<String> uncovered = new ArrayList<>();
		for (String module : imports) {
			if (LOCAL.contains(module) || STDLIB.contains(module)) {
				continue;
			}
			String wanted = normalize(PACKAGES.getOrDefault(module.toLowerCase(Locale.ROOT), module));
			boolean covered = listed.stream().anyMatch((name) -> name.equals(wanted) || name.startsWith(wanted + "-"));
			if (!covered) {
				uncovered.add(module);
			}
		}
		return uncovered.isEmpty() ? new Check("requirements", "passed", "requirements.txt covers every import")
				: new Check("requirements", "failed",
						"imported but not in requirements.txt: " + String.join(", ", uncovered));
	}

	/**
	 * Escaped characters are a warning, since an escape in a string or comment changes
	 * nothing when the code runs, unless the escape changed what the code means. A file
	 * that still holds one did not come through the pipeline's escaping, and fails rather
	 * than passing unnoticed.
	 */
	private static Check invisibleCharacters(Map<String, String> files, List<InvisibleCharacters.Finding> escaped) {
		List<String> details = new ArrayList<>();
		boolean failed = false;
		for (InvisibleCharacters.Finding finding : escaped) {
			details.add(finding.describe());
			failed |= finding.changesMeaning();
		}
		for (InvisibleCharacters.Finding left : InvisibleCharacters.escape(files).findings()) {
			details.add(left.file() + " line " + left.line() + ": " + left.codes() + " not escaped");
			failed = true;
		}
		if (details.isEmpty()) {
			return new Check("invisible-characters", "passed", "no invisible or bidirectional control character");
		}
		return new Check("invisible-characters", failed ? "failed" : "warning", String.join("; ", details));
	}

	private static String normalize(String name) {
		return name.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
	}

	private static Set<String> importsByPattern(String source) {
		Set<String> modules = new LinkedHashSet<>();
		Matcher matcher = IMPORT.matcher(source);
		while (matcher.find()) {
			modules.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		return modules;
	}

	/**
	 * Checks the files in the long-lived checker process, started on first use and again
	 * after it failed or timed out: starting Python for every job costs more than the
	 * rest of the pipeline's own work.
	 */
	private synchronized @Nullable Parsed parse(Map<String, String> files) {
		try {
			if (this.checker == null || !this.checker.isAlive()) {
				String interpreter = interpreter();
				if (interpreter == null) {
					return null;
				}
				// -I -S: isolated from the environment and user site, and quicker to
				// start.
				this.checker = new ProcessBuilder(interpreter, "-I", "-S", "-u", "-c", PARSER,
						String.valueOf(PARSER_MEMORY_LIMIT))
					.start();
				this.requests = new BufferedWriter(
						new OutputStreamWriter(this.checker.getOutputStream(), StandardCharsets.UTF_8));
				this.answers = new BufferedReader(
						new InputStreamReader(this.checker.getInputStream(), StandardCharsets.UTF_8));
			}
			Process process = this.checker;
			BufferedReader reader = this.answers;
			this.requests.write(this.json.writeValueAsString(files));
			this.requests.write('\n');
			this.requests.flush();
			CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
				try {
					return reader.readLine();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, this.reading);
			String output;
			try {
				output = line.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				process.destroyForcibly();
				return new Parsed(List.of("the syntax check timed out after " + this.timeout.toSeconds() + " s"),
						Set.of());
			}
			if (output == null) {
				process.destroyForcibly();
				return null;
			}
			JsonNode result = this.json.readTree(output);
			List<String> errors = new ArrayList<>();
			Set<String> imports = new LinkedHashSet<>();
			for (Map.Entry<String, JsonNode> file : result.properties()) {
				if (file.getValue().path("ok").asBoolean()) {
					file.getValue().path("imports").forEach((module) -> imports.add(module.asString()));
				}
				else {
					errors.add(file.getKey() + " " + file.getValue().path("error").asString());
				}
			}
			return new Parsed(errors, imports);
		}
		catch (IOException | ExecutionException | RuntimeException ex) {
			if (this.checker != null) {
				this.checker.destroyForcibly();
			}
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * The interpreter's own executable, found once: launchers such as pyenv's shims cost
	 * a few hundred milliseconds on every start.
	 */
	private synchronized @Nullable String interpreter() {
		if (this.interpreter == null) {
			try {
				Process process = new ProcessBuilder(this.python, "-c", "import sys; print(sys.executable)")
					.redirectErrorStream(true)
					.start();
				if (process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0) {
					String executable = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
						.strip();
					this.interpreter = executable.isEmpty() ? this.python : executable;
				}
				else {
					process.destroyForcibly();
					return null;
				}
			}
			catch (IOException ex) {
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		return this.interpreter;
	}

	private record Parsed(List<String> errors, Set<String> imports) {

	}

}
