package dev.archon.test.responses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The file that the responses of this test JVM are appended to, one record per response:
 * a line that begins with {@link #RESPONSE_MARKER} and names the application, method,
 * path and status, then the headers, then the body. The path is written without its query
 * string, and no request header is written, since a request may carry a key by design.
 * <p>
 * It lives in {@code target/test-responses} of the module under test (the directory
 * Surefire and Failsafe run in), or where {@code archon.test.responses-dir} says, in a
 * file named after this JVM's process id so that the test JVMs of one build never write
 * into one file.
 */
public final class ResponseLog {

	/** How the first line of each recorded response begins. */
	public static final String RESPONSE_MARKER = "=== response ";

	private static final ResponseLog THIS_JVM = new ResponseLog(
			Path.of(System.getProperty("archon.test.responses-dir", "target/test-responses"))
				.resolve("responses-" + ProcessHandle.current().pid() + ".log"));

	private final Path file;

	ResponseLog(Path file) {
		this.file = file;
	}

	/**
	 * The log of this JVM.
	 * @return the log
	 */
	static ResponseLog ofThisJvm() {
		return THIS_JVM;
	}

	/**
	 * Appends one response.
	 * @param application the application that sent it
	 * @param method the method of the request it answered
	 * @param path the path of that request, without its query string
	 * @param status the status code
	 * @param headers the headers, by name
	 * @param body the body, as text
	 */
	synchronized void append(String application, String method, String path, int status,
			Map<String, List<String>> headers, String body) {
		try {
			Files.createDirectories(this.file.getParent());
			try (Writer writer = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND)) {
				writer.write(RESPONSE_MARKER + application + " " + method + " " + path + " " + status + "\n");
				for (Map.Entry<String, List<String>> header : headers.entrySet()) {
					for (String value : header.getValue()) {
						writer.write(header.getKey() + ": " + value + "\n");
					}
				}
				writer.write("\n");
				writer.write(body);
				writer.write("\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot record a response in " + this.file, ex);
		}
	}

	Path file() {
		return this.file;
	}

}
