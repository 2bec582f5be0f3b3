import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one JVM's time went during a JFR recording, as a JSON object on stdout:
 * <ul>
 * <li>{@code libraries}: each library's share of the samples of threads running Java
 * code, a sample going to the innermost frame outside the JDK, so that a {@code String}
 * method called by Jackson counts as Jackson's (native samples are left out: most are
 * threads waiting in {@code epoll}, which costs no CPU; the ONNX runtime's native work
 * shows in {@code threadCores} instead);</li>
 * <li>{@code threads}: the cores each kind of thread used on average (from
 * {@code jdk.ThreadCPULoad}, the threads named without their numbers), so that request
 * handling, the JIT compilers, the garbage collector and the job workers are told
 * apart;</li>
 * <li>{@code gc}: the collections and their total pause.</li>
 * </ul>
 * Run as {@code java Profile.java RECORDING.jfr CORES}.
 */
public class Profile {

	private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

	public static void main(String[] args) throws IOException {
		Path recording = Path.of(args[0]);
		int cores = Integer.parseInt(args[1]);
		Map<String, Integer> libraries = new TreeMap<>();
		Map<String, Double> threadLoad = new TreeMap<>();
		Map<Long, Integer> threadPeriods = new LinkedHashMap<>();
		int samples = 0;
		int collections = 0;
		Duration pauses = Duration.ZERO;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			switch (event.getEventType().getName()) {
				case "jdk.ExecutionSample" -> {
					samples++;
					libraries.merge(library(event.getStackTrace()), 1, Integer::sum);
				}
				case "jdk.ThreadCPULoad" -> {
					RecordedThread thread = event.getThread();
					String kind = (thread != null) ? kind(thread) : "unknown";
					double load = event.getFloat("user") + event.getFloat("system");
					threadLoad.merge(kind, load * cores, Double::sum);
					if (thread != null) {
						threadPeriods.merge(thread.getId(), 1, Integer::sum);
					}
				}
				case "jdk.GarbageCollection" -> {
					collections++;
					pauses = pauses.plus(event.getDuration("sumOfPauses"));
				}
				default -> {
				}
			}
		}
		// jdk.ThreadCPULoad reports each thread once a period: a kind's average is its sum over the
		// periods of the recording, which the thread seen most often spans.
		int periods = threadPeriods.values().stream().max(Integer::compare).orElse(1);
		int total = Math.max(1, samples);
		String libraryJson = top(libraries.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue() / (double) total)), 20);
		String threadJson = top(threadLoad.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue() / periods)), 15);
		System.out.printf("{\"samples\":%d,\"libraries\":%s,\"threadCores\":%s,"
				+ "\"gc\":{\"collections\":%d,\"pauseMs\":%d}}%n", samples, libraryJson, threadJson, collections,
				pauses.toMillis());
	}

	/** The library of the innermost frame outside the JDK: its package's first three names. */
	private static String library(RecordedStackTrace stack) {
		if (stack == null || stack.getFrames().isEmpty()) {
			return "(no stack)";
		}
		for (RecordedFrame frame : stack.getFrames()) {
			String type = frame.getMethod().getType().getName();
			if (JDK_PACKAGES.stream().noneMatch(type::startsWith)) {
				String[] names = type.split("\\.");
				return (names.length == 1) ? type
						: String.join(".", List.of(names).subList(0, Math.min(3, names.length - 1)));
			}
		}
		String type = stack.getFrames().get(0).getMethod().getType().getName();
		return "jdk " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
	}

	/** A thread's name without its numbers: "http-nio-8201-exec-7" and "-exec-8" are one kind. */
	private static String kind(RecordedThread thread) {
		String name = (thread.getJavaName() != null) ? thread.getJavaName() : thread.getOSName();
		return (name == null) ? "unknown" : name.replaceAll("\\d+", "N");
	}

	/** The largest values, as a JSON object of shares rounded to three places. */
	private static String top(Map<String, Double> values, int limit) {
		return values.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
			.limit(limit)
			.map((e) -> "\"%s\":%.3f".formatted(e.getKey().replace("\"", "'"), e.getValue()))
			.collect(Collectors.joining(",", "{", "}"));
	}

}
