package dev.archon.sim.llm;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/**
 * Counts what each provider was asked, so that tests and benchmarks can check where the
 * provider pool sent its calls.
 */
@Component
public class LlmStats {

	private final Map<Provider, Counters> counters = new EnumMap<>(Provider.class);

	public LlmStats() {
		for (Provider provider : Provider.values()) {
			this.counters.put(provider, new Counters());
		}
	}

	/**
	 * Counts a request that reached a provider endpoint, before any check.
	 * @param provider the provider
	 */
	public void received(Provider provider) {
		this.counters.get(provider).requests.increment();
	}

	/**
	 * Counts a well-formed request for one pipeline step.
	 * @param provider the provider
	 * @param step the step named by the prompt
	 * @param streaming whether the answer is streamed
	 * @param promptTokens the request's estimated tokens
	 */
	public void accepted(Provider provider, String step, boolean streaming, int promptTokens) {
		Counters counters = this.counters.get(provider);
		counters.steps.computeIfAbsent(step, (key) -> new LongAdder()).increment();
		if (streaming) {
			counters.streamed.increment();
		}
		counters.promptTokens.add(promptTokens);
	}

	/**
	 * Counts a request that a fault applied to.
	 * @param provider the provider
	 */
	public void faulted(Provider provider) {
		this.counters.get(provider).faulted.increment();
	}

	/**
	 * Counts an answer sent in full.
	 * @param provider the provider
	 * @param completionTokens the tokens of the answer
	 */
	public void completed(Provider provider, int completionTokens) {
		Counters counters = this.counters.get(provider);
		counters.completed.increment();
		counters.completionTokens.add(completionTokens);
	}

	/**
	 * Forgets every count.
	 */
	public void reset() {
		this.counters.replaceAll((provider, old) -> new Counters());
	}

	/**
	 * The counts, for the control API.
	 * @return per provider: requests, faulted, completed, streamed, promptTokens,
	 * completionTokens and requests per step
	 */
	public Map<String, Map<String, Object>> snapshot() {
		Map<String, Map<String, Object>> snapshot = new LinkedHashMap<>();
		this.counters.forEach((provider, counters) -> {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("requests", counters.requests.sum());
			values.put("faulted", counters.faulted.sum());
			values.put("completed", counters.completed.sum());
			values.put("streamed", counters.streamed.sum());
			values.put("promptTokens", counters.promptTokens.sum());
			values.put("completionTokens", counters.completionTokens.sum());
			Map<String, Long> steps = new TreeMap<>();
			counters.steps.forEach((step, count) -> steps.put(step, count.sum()));
			values.put("steps", steps);
			snapshot.put(provider.id(), values);
		});
		return snapshot;
	}

	private static final class Counters {

		final LongAdder requests = new LongAdder();

		final LongAdder faulted = new LongAdder();

		final LongAdder completed = new LongAdder();

		final LongAdder streamed = new LongAdder();

		final LongAdder promptTokens = new LongAdder();

		final LongAdder completionTokens = new LongAdder();

		final Map<String, LongAdder> steps = new ConcurrentHashMap<>();

	}

}
