package dev.archon.sim.ha;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.archon.sim.SimApplication;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the simulator with Home Assistant's own JavaScript client
 * ({@code home-assistant-js-websocket} on Node.js): if the official client connects, sees
 * every entity, sees its own service call, and comes back after a dropped socket, the
 * simulator speaks the protocol the way Home Assistant does. The simulator is started the
 * way other modules' tests start it, in-process from the plain jar.
 */
class HomeAssistantJsClientConformanceTests {

	private static final Path SCRIPTS = Path.of("src/test/js");

	private static final Path NODE = Path.of("/usr/bin/node");

	@Test
	void officialClientConnectsSubscribesCallsAndReconnects() throws Exception {
		assumeTrue(Files.isExecutable(NODE) || onPath("node"), "Node.js is not installed");
		if (!Files.isDirectory(SCRIPTS.resolve("node_modules/home-assistant-js-websocket"))) {
			assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300)).isZero();
		}
		try (ConfigurableApplicationContext sim = new SpringApplicationBuilder(SimApplication.class).run(
				"--server.port=0", "--management.server.port=0", "--archon.sim.token=" + TestSecrets.SIMULATOR_TOKEN,
				"--archon.sim.ha.entities=300", "--archon.sim.ha.seed=7", "--archon.sim.ha.history-days=2")) {
			String port = sim.getEnvironment().getProperty("local.server.port");
			Path output = Files.createTempFile("ha-conformance", ".log");
			int exit = run(List.of(Files.isExecutable(NODE) ? NODE.toString() : "node", "conformance.mjs",
					"http://localhost:" + port, TestSecrets.SIMULATOR_TOKEN), 120, output);
			String log = Files.readString(output, StandardCharsets.UTF_8);
			assertThat(exit).as(log).isZero();
			assertThat(log).contains("ok - REST lists 300 entities", "ok - subscribeEntities sees every entity",
					"ok - client reconnected", "CONFORMANCE OK");
		}
	}

	private static int run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
		return run(command, timeoutSeconds, Files.createTempFile("ha-npm", ".log"));
	}

	private static int run(List<String> command, int timeoutSeconds, Path output)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(SCRIPTS.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s:\n"
					+ Files.readString(output, StandardCharsets.UTF_8));
		}
		return process.exitValue();
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, program))) {
				return true;
			}
		}
		return false;
	}

}
