package dev.archon.sim.llm.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import dev.archon.sim.llm.Fault;
import dev.archon.sim.llm.FaultMode;
import dev.archon.sim.llm.LlmFaults;
import dev.archon.sim.llm.LlmStats;
import dev.archon.sim.llm.Provider;

/**
 * Sends a reply the way the provider's current faults and latency say. Requests run on
 * virtual threads, so delays are plain sleeps and writes go straight to the response,
 * flushed where a real server would flush.
 */
@Component
class Delivery {

	/** A timed-out request is held at most this long, then answered 504. */
	static final long LONGEST_HOLD_MS = 300_000;

	private final LlmFaults faults;

	private final LlmStats stats;

	Delivery(LlmFaults faults, LlmStats stats) {
		this.faults = faults;
		this.stats = stats;
	}

	void deliver(Reply reply, HttpServletResponse response) throws IOException {
		Provider provider = reply.provider();
		LlmFaults.Plan plan = this.faults.plan(provider);
		Fault fault = plan.fault();
		if (fault != null) {
			this.stats.faulted(provider);
			if (fault.mode() == FaultMode.STATUS) {
				ProviderErrors.write(response, provider, fault.status(), fault.code(), null, fault.retryAfterSeconds());
				return;
			}
			if (fault.mode() == FaultMode.TIMEOUT
					&& !this.faults.hold(plan, (fault.ms() > 0) ? fault.ms() : LONGEST_HOLD_MS)) {
				ProviderErrors.write(response, provider, 504, null, null, 0);
				return;
			}
		}
		sleep(plan.latency().fixedMs());
		long firstTokenDelay = (fault != null && fault.mode() == FaultMode.SLOW) ? fault.ms() : 0;
		long tokensMs = plan.latency().perTokenMs() * reply.completionTokens();
		if (reply.streaming()) {
			stream(reply, plan, firstTokenDelay, tokensMs, response);
		}
		else {
			this.faults.hold(plan, firstTokenDelay);
			sleep(tokensMs);
			whole(reply, plan, response);
		}
	}

	private void whole(Reply reply, LlmFaults.Plan plan, HttpServletResponse response) throws IOException {
		Provider provider = reply.provider();
		Fault fault = plan.fault();
		if (fault != null && fault.mode() == FaultMode.ERROR_EVENT) {
			// Without a stream there is no event to send: the error becomes the answer.
			ProviderErrors.write(response, provider, fault.status(), null, null, fault.retryAfterSeconds());
			return;
		}
		byte[] body = reply.body();
		response.setContentType("application/json");
		response.setContentLength(body.length);
		if (plan.is(FaultMode.DROP_MID_STREAM)) {
			dropAfter(response, body, body.length / 2);
			return;
		}
		response.getOutputStream().write(body);
		this.stats.completed(provider, reply.completionTokens());
	}

	private void stream(Reply reply, LlmFaults.Plan plan, long firstTokenDelay, long tokensMs,
			HttpServletResponse response) throws IOException {
		SseStream stream = reply.stream();
		response.setStatus(200);
		response.setContentType("text/event-stream;charset=UTF-8");
		response.setHeader("Cache-Control", "no-cache");
		boolean drop = plan.is(FaultMode.DROP_MID_STREAM);
		Fault errorEvent = plan.is(FaultMode.ERROR_EVENT) ? plan.fault() : null;
		if (drop) {
			// The promised length is never reached and the connection is closed: the
			// client
			// sees the body end early, as when a provider's connection breaks.
			response.setContentLengthLong(stream.length());
			response.setHeader("Connection", "close");
		}
		OutputStream out = response.getOutputStream();
		write(out, stream.head());
		out.flush();
		this.faults.hold(plan, firstTokenDelay);
		List<byte[]> pieces = stream.pieces();
		int sent = (drop || errorEvent != null) ? Math.max(1, pieces.size() / 3) : pieces.size();
		long start = System.nanoTime();
		for (int i = 0; i < sent; i++) {
			out.write(pieces.get(i));
			if (tokensMs > 0) {
				out.flush();
				long due = start + tokensMs * 1_000_000L * (i + 1) / pieces.size();
				sleepNanos(due - System.nanoTime());
			}
		}
		if (drop) {
			out.flush();
			return;
		}
		if (errorEvent != null) {
			out.write(ProviderErrors.streamEvent(reply.provider(), errorEvent.status()));
			out.flush();
			return;
		}
		write(out, stream.tail());
		out.flush();
		this.stats.completed(reply.provider(), reply.completionTokens());
	}

	private static void dropAfter(HttpServletResponse response, byte[] body, int bytes) throws IOException {
		response.setHeader("Connection", "close");
		OutputStream out = response.getOutputStream();
		out.write(body, 0, bytes);
		out.flush();
	}

	private static void write(OutputStream out, List<byte[]> events) throws IOException {
		for (byte[] event : events) {
			out.write(event);
		}
	}

	private static void sleep(long ms) {
		sleepNanos(ms * 1_000_000L);
	}

	private static void sleepNanos(long nanos) {
		if (nanos <= 0) {
			return;
		}
		try {
			Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
