package dev.archon.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the cluster costs while nobody uses it: each process's share of a core, from the
 * CPU time that {@code /proc/<pid>/task/<tid>/stat} counts, and the commands Redis serves
 * a second. A background loop anywhere (a listener that republishes what it hears, a poll
 * without backoff) shows here long before it shows in a benchmark. The JIT's compiler
 * threads are counted apart: minutes after start, with only the periodic tasks running,
 * C2 still compiles in bursts (27 ticks in 5 s, measured) that end once the code is warm,
 * and that no application thread causes by looping.
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
	 * @return each process's share of one core (1.0 is a whole core) without its JIT
	 * compiler threads, theirs under the process's name and {@code " jit"}, and Redis's
	 * commands a second under {@code redis}
	 */
	Map<String, Double> measure(Map<String, ProcessHandle> processes, int redisPort, Duration over)
			throws IOException, InterruptedException {
		Map<String, Ticks> before = new LinkedHashMap<>();
		for (Map.Entry<String, ProcessHandle> process : processes.entrySet()) {
			before.put(process.getKey(), ticks(process.getValue()));
		}
		long commandsBefore = redisCommands(redisPort);
		long start = System.nanoTime();
		Thread.sleep(over.toMillis());
		double seconds = (System.nanoTime() - start) / 1e9;
		long commandsAfter = redisCommands(redisPort);
		Map<String, Double> cost = new LinkedHashMap<>();
		for (Map.Entry<String, ProcessHandle> process : processes.entrySet()) {
			Ticks spent = ticks(process.getValue()).minus(before.get(process.getKey()));
			cost.put(process.getKey(), spent.application() / (double) this.ticksPerSecond / seconds);
			cost.put(process.getKey() + " jit", spent.compiler() / (double) this.ticksPerSecond / seconds);
		}
		// The INFO command that reads the count counts itself once.
		cost.put("redis", (commandsAfter - commandsBefore - 1) / seconds);
		return cost;
	}

	/**
	 * User and system time of every thread of a process, fields 14 and 15 of each
	 * thread's stat line, the JIT compiler threads' apart.
	 */
	private static Ticks ticks(ProcessHandle process) throws IOException {
		long application = 0;
		long compiler = 0;
		try (DirectoryStream<Path> threads = Files
			.newDirectoryStream(Path.of("/proc", Long.toString(process.pid()), "task"))) {
			for (Path thread : threads) {
				String stat;
				try {
					stat = Files.readString(thread.resolve("stat"));
				}
				catch (NoSuchFileException ex) {
					continue; // the thread ended since the listing
				}
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				long spent = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
					compiler += spent;
				}
				else {
					application += spent;
				}
			}
		}
		return new Ticks(application, compiler);
	}

	/**
	 * CPU time in clock ticks. A thread that ended during the measurement takes its ticks
	 * with it, so a difference can only undercount what ended threads spent.
	 */
	private record Ticks(long application, long compiler) {

		Ticks minus(Ticks earlier) {
			return new Ticks(Math.max(0, this.application - earlier.application),
					Math.max(0, this.compiler - earlier.compiler));
		}

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
