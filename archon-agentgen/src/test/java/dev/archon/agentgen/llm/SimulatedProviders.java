package dev.archon.agentgen.llm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.archon.sim.SimApplication;
import dev.archon.test.InProcessSimulator;
import dev.archon.test.secrets.TestSecrets;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * archon-sim, started in this JVM, and pools built against it.
 */
public final class SimulatedProviders implements AutoCloseable {

	static final String TOKEN = TestSecrets.SIMULATOR_TOKEN;

	/** The defaults of {@code archon.llm.tool-calls}. */
	static final LlmProperties.ToolCalls TOOL_CALLS = new LlmProperties.ToolCalls(5, 60_000);

	private static SimulatedProviders shared;

	/**
	 * The simulator that every test of this JVM shares, started on first use and stopped
	 * with the JVM.
	 * @return the simulator
	 */
	public static synchronized SimulatedProviders shared() {
		if (shared == null) {
			shared = new SimulatedProviders();
		}
		return shared;
	}

	private final ConfigurableApplicationContext context;

	private final String baseUrl;

	private final RestClient control;

	SimulatedProviders() {
		this.context = new SpringApplicationBuilder(SimApplication.class).run(InProcessSimulator.arguments(TOKEN));
		this.baseUrl = "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
		this.control = RestClient.builder()
			.baseUrl(this.baseUrl)
			.defaultHeader("Authorization", "Bearer " + TOKEN)
			.build();
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public void fault(String json) {
		this.control.post()
			.uri("/_sim/llm/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toBodilessEntity();
	}

	public void latency(String json) {
		this.control.post()
			.uri("/_sim/llm/latency")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toBodilessEntity();
	}

	public void reset() {
		this.control.delete().uri("/_sim/llm/faults").retrieve().toBodilessEntity();
	}

	static LlmProperties.Provider provider(String name, ProviderType type, String baseUrl, int priority, int rpm,
			Duration timeout, Duration firstTokenTimeout, int contextWindow) {
		return provider(name, type, baseUrl, priority, rpm, timeout, firstTokenTimeout, contextWindow, 0);
	}

	static LlmProperties.Provider provider(String name, ProviderType type, String baseUrl, int priority, int rpm,
			Duration timeout, Duration firstTokenTimeout, int contextWindow, long tpm) {
		return new LlmProperties.Provider(name, type, baseUrl, TestSecrets.LLM_PROVIDER_KEY,
				new LlmProperties.Models("sim-r", "sim-p"), priority, 1, rpm, tpm, timeout, firstTokenTimeout, 8,
				contextWindow, new BigDecimal("1"), new BigDecimal("2"));
	}

	public LlmProperties.Provider openAi() {
		return provider("sim-openai", ProviderType.OPENAI, this.baseUrl + "/v1", 1, 600, Duration.ofSeconds(10),
				Duration.ofSeconds(2), 128_000);
	}

	public LlmProperties.Provider anthropic() {
		return provider("sim-anthropic", ProviderType.ANTHROPIC, this.baseUrl + "/anthropic/v1/", 2, 600,
				Duration.ofSeconds(10), Duration.ofSeconds(2), 200_000);
	}

	public static LlmProperties.Provider builtin() {
		return provider("builtin", ProviderType.BUILTIN, "none", Integer.MAX_VALUE, 600, Duration.ofSeconds(5),
				Duration.ofSeconds(5), Integer.MAX_VALUE);
	}

	static LlmProperties.Breaker breaker(Duration openFor) {
		return new LlmProperties.Breaker(Duration.ofSeconds(60), 2, 50, Duration.ofSeconds(30), 80, openFor, 1);
	}

	public static ProviderPool pool(List<LlmProperties.Provider> settings) {
		return pool(settings, Duration.ofSeconds(30));
	}

	static ProviderPool pool(List<LlmProperties.Provider> settings, Duration openFor) {
		return pool(settings, openFor, TOOL_CALLS);
	}

	static ProviderPool pool(List<LlmProperties.Provider> settings, Duration openFor,
			LlmProperties.ToolCalls toolCalls) {
		List<PooledProvider> pooled = new ArrayList<>();
		for (LlmProperties.Provider provider : settings) {
			pooled.add(new PooledProvider(provider, LlmConfiguration.backend(provider, toolCalls),
					CircuitBreaker.of("llm-" + provider.name(),
							LlmConfiguration.breakerConfig(breaker(openFor), provider)),
					RateLimiter.of("llm-" + provider.name(),
							RateLimiterConfig.custom()
								.limitForPeriod(provider.rpm())
								.limitRefreshPeriod(Duration.ofMinutes(1))
								.timeoutDuration(Duration.ZERO)
								.build()),
					Bulkhead.of("llm-" + provider.name(),
							BulkheadConfig.custom()
								.maxConcurrentCalls(provider.maxConcurrent())
								.maxWaitDuration(Duration.ZERO)
								.build())));
		}
		return new ProviderPool(pooled, new LlmMetrics(new SimpleMeterRegistry()), Duration.ofMinutes(10),
				Duration.ofMinutes(5), Duration.ofSeconds(30));
	}

	@Override
	public void close() {
		this.context.close();
	}

}
