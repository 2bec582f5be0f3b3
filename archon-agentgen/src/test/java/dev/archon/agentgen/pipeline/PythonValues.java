package dev.archon.agentgen.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the module-level names of a Python source hold when it runs, asked of
 * {@code python3}: the only judge of whether an escape means the same character. Test
 * sources only, which assign literals and nothing else worth fearing.
 */
final class PythonValues {

	private static final String SCRIPT = """
			import json, sys
			names = {}
			exec(compile(sys.stdin.buffer.read().decode("utf-8"), "source.py", "exec"), names)
			print(json.dumps({k: (v if isinstance(v, str) else list(v)) for k, v in names.items()
			                  if isinstance(v, (str, bytes))}))
			""";

	private PythonValues() {
	}

	static Map<String, Object> of(String source) {
		try {
			Process python = new ProcessBuilder("python3", "-I", "-W", "ignore", "-c", SCRIPT)
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			try (OutputStream in = python.getOutputStream()) {
				in.write(source.getBytes(StandardCharsets.UTF_8));
			}
			String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!python.waitFor(20, TimeUnit.SECONDS) || python.exitValue() != 0) {
				throw new IllegalStateException("python3 failed: " + out);
			}
			return JsonMapper.builder().build().readValue(out, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
