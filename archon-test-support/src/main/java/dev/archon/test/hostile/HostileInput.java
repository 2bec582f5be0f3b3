package dev.archon.test.hostile;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import dev.archon.test.hostile.OpenApiOperations.Operation;
import dev.archon.test.http.RawHttp;
import dev.archon.test.http.RawHttp.Response;

/**
 * Sends an operation of a running service its hostile requests and fails when any answer
 * is not a {@link SafeAnswer}, showing the shortest requests that got one, since the
 * shortest is the easiest to reason about.
 */
public final class HostileInput {

	private static final int SHOWN = 3;

	private HostileInput() {
	}

	/**
	 * A test for each operation of a running service's OpenAPI document, which sends it
	 * hostile requests and checks the answers.
	 * @param port the service's loopback port
	 * @param tries how many requests to send each operation
	 * @param headers header lines every request carries, such as its API key
	 * @return the tests, one for each operation, named after it
	 * @throws IOException if the service does not answer for its document
	 */
	public static Stream<DynamicTest> probes(int port, int tries, String... headers) throws IOException {
		return OpenApiOperations.of(port)
			.stream()
			.map((operation) -> DynamicTest.dynamicTest(operation.toString(),
					() -> probe(port, operation, tries, headers)));
	}

	/**
	 * Sends the requests and checks the answers.
	 * @param port the service's loopback port
	 * @param operation the operation
	 * @param tries how many requests to send
	 * @param headers header lines every request carries, such as its API key
	 * @throws AssertionError listing the shortest requests that got an unsafe answer
	 */
	public static void probe(int port, Operation operation, int tries, String... headers) {
		List<Outcome> failures = HostileRequests.of(operation)
			.sampleStream()
			.limit(tries)
			.map((request) -> outcome(port, request, headers))
			.filter((outcome) -> !outcome.faults().isEmpty())
			.sorted(Comparator.comparingInt((outcome) -> outcome.request().length()))
			.toList();
		if (!failures.isEmpty()) {
			throw new AssertionError(failures.size() + " of " + tries + " requests to " + operation
					+ " got an unsafe answer; the shortest:\n"
					+ failures.stream().limit(SHOWN).map(Outcome::toString).collect(Collectors.joining("\n")));
		}
	}

	private static Outcome outcome(int port, HostileRequest request, String... headers) {
		String[] lines = concat(headers, request.headers());
		try {
			Response answer = (request.body() != null)
					? RawHttp.send(port, request.method(), request.target(), request.body(), lines)
					: RawHttp.send(port, request.method(), request.target(), lines);
			return new Outcome(request, answer.status() + " " + answer.body(), SafeAnswer.faults(answer));
		}
		catch (IOException ex) {
			// A request that hangs the server or breaks the connection is as bad as a
			// 500.
			return new Outcome(request, "", List.of("no answer: " + ex.getMessage()));
		}
	}

	private static String[] concat(String[] first, List<String> second) {
		String[] all = new String[first.length + second.size()];
		System.arraycopy(first, 0, all, 0, first.length);
		for (int i = 0; i < second.size(); i++) {
			all[first.length + i] = second.get(i);
		}
		return all;
	}

	private record Outcome(HostileRequest request, String answer, List<String> faults) {

		@Override
		public String toString() {
			return "- " + this.request + "\n  " + this.faults + ": "
					+ this.answer.substring(0, Math.min(this.answer.length(), 800));
		}

	}

}
