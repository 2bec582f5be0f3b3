package dev.archon.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the cluster costs while nobody uses it: each process's share of a core, from the
 * CPU time that {@code /proc/<pid>/stat} counts, and the commands Redis serves a second.
 * A background loop anywhere (a listener that republishes what it hears, a poll without
 * backoff) shows here long before it shows in a benchmark.
 */
final class IdleCost {

	private final long ticksPerSecond;

	IdleCost() throws IOException, InterruptedException {
		Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
		this.ticksPerSecond = Long.parseLong(new String(getconf.getInputStream().readAllBytes()).trim());
		getconf.waitFor();
	}

	/**
	 * Measures the processes and Redis over the same interval.
	 * @param processes the processes by name
	 * @param redisPort Redis's port on loopback
	 * @param over how long to measure
	 * @return each process's share of one core (1.0 is a whole core), and Redis's
	 * commands a second under {@code redis}
	 */
	Map<String, Double> measure(Map<String, ProcessHandle> processes, int redisPort, Duration over)
			throws IOException, InterruptedException {
		Map<String, Long> before = new LinkedHashMap<>();
		for (Map.Entry<String, ProcessHandle> process : processes.entrySet()) {
			before.put(process.getKey(), cpuTicks(process.getValue()));
		}
		long commandsBefore = redisCommands(redisPort);
		long start = System.nanoTime();
		Thread.sleep(over.toMillis());
		double seconds = (System.nanoTime() - start) / 1e9;
		long commandsAfter = redisCommands(redisPort);
		Map<String, Double> cost = new LinkedHashMap<>();
		for (Map.Entry<String, ProcessHandle> process : processes.entrySet()) {
			long ticks = cpuTicks(process.getValue()) - before.get(process.getKey());
			cost.put(process.getKey(), ticks / (double) this.ticksPerSecond / seconds);
		}
		// The INFO command that reads the count counts itself once.
		cost.put("redis", (commandsAfter - commandsBefore - 1) / seconds);
		return cost;
	}

	/** User and system time, fields 14 and 15 of the stat line after the command name. */
	private static long cpuTicks(ProcessHandle process) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private static long redisCommands(int port) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write("INFO stats\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder answer = new StringBuilder();
			byte[] buffer = new byte[8192];
			while (!answer.toString().contains("total_commands_processed:")
					|| answer.indexOf("\r\n", answer.indexOf("total_commands_processed:")) < 0) {
				int read = in.read(buffer);
				if (read < 0) {
					break;
				}
				answer.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
			}
			int at = answer.indexOf("total_commands_processed:") + "total_commands_processed:".length();
			return Long.parseLong(answer.substring(at, answer.indexOf("\r\n", at)).trim());
		}
	}

}
