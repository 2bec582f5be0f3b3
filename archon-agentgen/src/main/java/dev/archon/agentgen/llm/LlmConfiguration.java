package dev.archon.agentgen.llm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Builds the pool from {@code archon.llm.providers}, the environment shortcuts and the
 * {@code sim} profile, with the built-in provider last.
 */
@Configuration(proxyBeanMethods = false)
class LlmConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(LlmConfiguration.class);

	private static final int DEFAULT_RPM = 600;

	private static final int DEFAULT_CONCURRENCY = 64;

	/** The simulator is limited only by what it can answer: no rate limit of its own. */
	private static final int SIMULATOR_RPM = 1_000_000;

	private static final int SIMULATOR_CONCURRENCY = 256;

	@Bean
	ProviderPool providerPool(LlmProperties properties, Environment environment, MeterRegistry meterRegistry,
			ObjectProvider<CircuitBreakerRegistry> circuitBreakers, ObjectProvider<RateLimiterRegistry> rateLimiters,
			ObjectProvider<BulkheadRegistry> bulkheads) {
		List<LlmProperties.Provider> settings = providers(properties, environment);
		CircuitBreakerRegistry breakerRegistry = circuitBreakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
		RateLimiterRegistry limiterRegistry = rateLimiters.getIfAvailable(RateLimiterRegistry::ofDefaults);
		BulkheadRegistry bulkheadRegistry = bulkheads.getIfAvailable(BulkheadRegistry::ofDefaults);
		List<PooledProvider> pooled = new ArrayList<>();
		for (LlmProperties.Provider provider : settings) {
			CircuitBreaker breaker = breakerRegistry.circuitBreaker("llm-" + provider.name(),
					breakerConfig(properties.breaker(), provider));
			RateLimiter limiter = limiterRegistry.rateLimiter("llm-" + provider.name(),
					RateLimiterConfig.custom()
						.limitForPeriod(provider.rpm())
						.limitRefreshPeriod(Duration.ofMinutes(1))
						.timeoutDuration(Duration.ZERO)
						.build());
			Bulkhead bulkhead = bulkheadRegistry.bulkhead("llm-" + provider.name(),
					BulkheadConfig.custom()
						.maxConcurrentCalls(provider.maxConcurrent())
						.maxWaitDuration(Duration.ZERO)
						.build());
			pooled.add(new PooledProvider(provider, backend(provider, properties.toolCalls()), breaker, limiter,
					bulkhead));
		}
		logger.info("LLM providers, in order: {}",
				pooled.stream().map(PooledProvider::name).collect(Collectors.joining(", ")));
		return new ProviderPool(pooled, new LlmMetrics(meterRegistry), properties.longCooldown(),
				properties.maxRetryAfter(), properties.timeoutCooldown());
	}

	static CircuitBreakerConfig breakerConfig(LlmProperties.Breaker breaker, LlmProperties.Provider provider) {
		Duration slowCall = (breaker.slowCall().compareTo(provider.timeout()) < 0) ? breaker.slowCall()
				: provider.timeout();
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
			.slidingWindowSize((int) Math.max(1, breaker.window().toSeconds()))
			.minimumNumberOfCalls(breaker.minimumCalls())
			.failureRateThreshold(breaker.failureRate())
			.slowCallDurationThreshold(slowCall)
			.slowCallRateThreshold(breaker.slowCallRate())
			.waitDurationInOpenState(breaker.openFor())
			.permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
			.build();
	}

	static List<LlmProperties.Provider> providers(LlmProperties properties, Environment environment) {
		List<LlmProperties.Provider> providers = new ArrayList<>();
		properties.providers()
			.stream()
			.filter((provider) -> provider.type() != ProviderType.BUILTIN)
			.forEach(providers::add);
		Set<String> named = providers.stream().map(LlmProperties.Provider::name).collect(Collectors.toSet());
		int priority = 1000;
		String openAiKey = environment.getProperty("OPENAI_API_KEY");
		if (StringUtils.hasText(openAiKey) && !named.contains("openai")) {
			providers.add(provider("openai", ProviderType.OPENAI, environment.getProperty("OPENAI_BASE_URL"), openAiKey,
					"gpt-4o-mini", "gpt-4o-mini", priority++, "0.15", "0.60", 128_000, Duration.ofSeconds(20),
					DEFAULT_RPM, DEFAULT_CONCURRENCY));
		}
		String anthropicKey = environment.getProperty("ANTHROPIC_API_KEY");
		if (StringUtils.hasText(anthropicKey) && !named.contains("anthropic")) {
			providers.add(provider("anthropic", ProviderType.ANTHROPIC, null, anthropicKey, "claude-3-5-haiku-latest",
					"claude-3-5-haiku-latest", priority++, "0.80", "4.00", 200_000, Duration.ofSeconds(20), DEFAULT_RPM,
					DEFAULT_CONCURRENCY));
		}
		String openRouterKey = environment.getProperty("OPENROUTER_API_KEY");
		if (StringUtils.hasText(openRouterKey) && !named.contains("openrouter")) {
			providers.add(provider("openrouter", ProviderType.OPENAI, "https://openrouter.ai/api/v1", openRouterKey,
					"openai/gpt-4o-mini", "openai/gpt-4o-mini", priority++, "0.15", "0.60", 128_000,
					Duration.ofSeconds(20), DEFAULT_RPM, DEFAULT_CONCURRENCY));
		}
		String ollamaUrl = environment.getProperty("OLLAMA_BASE_URL");
		if (StringUtils.hasText(ollamaUrl) && !named.contains("ollama")) {
			String model = environment.getProperty("OLLAMA_MODEL", "llama3.1");
			String base = ollamaUrl.endsWith("/v1") ? ollamaUrl : ollamaUrl.replaceAll("/+$", "") + "/v1";
			// Local models load on first use: their first token may take a while.
			providers.add(provider("ollama", ProviderType.OPENAI, base, "ollama", model, model, priority++, "0", "0",
					32_000, Duration.ofSeconds(60), DEFAULT_RPM, DEFAULT_CONCURRENCY));
		}
		if ("sim".equalsIgnoreCase(properties.profile())) {
			String sim = properties.simUrl().replaceAll("/+$", "");
			if (!named.contains("sim-openai")) {
				providers.add(provider("sim-openai", ProviderType.OPENAI, sim + "/v1", "sim", "sim-reasoner",
						"sim-coder", priority++, "0.15", "0.60", 128_000, Duration.ofSeconds(5), SIMULATOR_RPM,
						SIMULATOR_CONCURRENCY));
			}
			if (!named.contains("sim-anthropic")) {
				providers.add(provider("sim-anthropic", ProviderType.ANTHROPIC, sim + "/anthropic/v1/", "sim",
						"sim-claude-reasoner", "sim-claude", priority++, "0.80", "4.00", 200_000, Duration.ofSeconds(5),
						SIMULATOR_RPM, SIMULATOR_CONCURRENCY));
			}
		}
		providers.add(provider("builtin", ProviderType.BUILTIN, null, null, BuiltinBackend.MODEL, BuiltinBackend.MODEL,
				Integer.MAX_VALUE, "0", "0", Integer.MAX_VALUE, Duration.ofSeconds(5), DEFAULT_RPM,
				DEFAULT_CONCURRENCY));
		return providers;
	}

	private static LlmProperties.Provider provider(String name, ProviderType type, @Nullable String baseUrl,
			@Nullable String apiKey, String reasoner, String primary, int priority, String inputPrice,
			String outputPrice, int contextWindow, Duration firstTokenTimeout, int rpm, int maxConcurrent) {
		return new LlmProperties.Provider(name, type, baseUrl, apiKey, new LlmProperties.Models(reasoner, primary),
				priority, 1, rpm, 0, Duration.ofSeconds(120), firstTokenTimeout, maxConcurrent, contextWindow,
				new BigDecimal(inputPrice), new BigDecimal(outputPrice));
	}

	static Backend backend(LlmProperties.Provider provider, LlmProperties.ToolCalls toolCalls) {
		return switch (provider.type()) {
			case BUILTIN -> new BuiltinBackend();
			case OPENAI -> new StreamingBackend((model) -> {
				OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder builder = OpenAiStreamingChatModel.builder()
					.httpClientBuilder(HeaderKeepingHttpClient.builder())
					.apiKey(StringUtils.hasText(provider.apiKey()) ? provider.apiKey() : "none")
					.modelName(model)
					.timeout(provider.timeout());
				if (StringUtils.hasText(provider.baseUrl())) {
					builder.baseUrl(provider.baseUrl());
				}
				return builder.build();
			}, toolCalls);
			case ANTHROPIC -> new StreamingBackend((model) -> {
				AnthropicStreamingChatModel.AnthropicStreamingChatModelBuilder builder = AnthropicStreamingChatModel
					.builder()
					.httpClientBuilder(HeaderKeepingHttpClient.builder())
					.apiKey(StringUtils.hasText(provider.apiKey()) ? provider.apiKey() : "none")
					.modelName(model)
					.maxTokens(8192)
					.timeout(provider.timeout());
				if (StringUtils.hasText(provider.baseUrl())) {
					builder.baseUrl(provider.baseUrl());
				}
				return builder.build();
			}, toolCalls);
		};
	}

}
