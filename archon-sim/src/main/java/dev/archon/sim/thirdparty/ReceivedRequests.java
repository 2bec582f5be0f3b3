package dev.archon.sim.thirdparty;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What the fakes received, newest last: a test runs a tool, then asserts that the request
 * reached the fake and was accepted. Bounded, because a simulator that runs for days must
 * not grow without end.
 */
@Component
public class ReceivedRequests {

	static final int KEPT = 500;

	private final Deque<ReceivedRequest> requests = new ArrayDeque<>();

	/**
	 * Keeps a request, forgetting the oldest beyond {@value #KEPT}.
	 * @param request what a fake received and answered
	 */
	public synchronized void add(ReceivedRequest request) {
		if (this.requests.size() == KEPT) {
			this.requests.removeFirst();
		}
		this.requests.addLast(request);
	}

	/**
	 * The requests kept, oldest first.
	 * @return a copy
	 */
	public synchronized List<ReceivedRequest> all() {
		return List.copyOf(this.requests);
	}

	/**
	 * The requests one fake received, oldest first.
	 * @param api such as {@code github}
	 * @return a copy
	 */
	public synchronized List<ReceivedRequest> of(String api) {
		return this.requests.stream().filter((request) -> request.api().equals(api)).toList();
	}

	public synchronized void clear() {
		this.requests.clear();
	}

}
