package dev.archon.api.client;

import java.net.http.HttpClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import dev.archon.api.ArchonApiProperties;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes the clients through which one Archon service calls another: timeouts always set,
 * the request id and this service's API key passed on, one circuit breaker per target,
 * and every call observed as {@code http.client.requests}. Each client starts from Spring
 * Boot's {@link RestClient.Builder}, so that Boot's message converters, observation
 * convention and any {@code RestClientCustomizer} apply to it as to every other client.
 */
public class ServiceClients {

	private final ArchonApiProperties properties;

	private final CircuitBreakerRegistry circuitBreakers;

	private final RestClient.Builder builder;

	public ServiceClients(ArchonApiProperties properties, MeterRegistry meterRegistry, RestClient.Builder builder) {
		this.properties = properties;
		this.circuitBreakers = CircuitBreakerRegistry.of(circuitBreakerConfig(properties.client()));
		this.builder = builder;
		// A registry of its own, so that a service's Resilience4j settings for other
		// purposes (its LLM providers, say) neither shape nor hide these breakers.
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.circuitBreakers).bindTo(meterRegistry);
	}

	/**
	 * A client of one target service.
	 * @param target the target's name, which names its circuit breaker (such as
	 * {@code archon-vector})
	 * @param baseUrl where the target answers
	 * @return the client
	 */
	public RestClient create(String target, String baseUrl) {
		ArchonApiProperties.Client settings = this.properties.client();
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(settings.readTimeout());
		return this.builder.clone()
			.baseUrl(baseUrl)
			.requestFactory(requestFactory)
			.requestInterceptor(new OutboundHeadersInterceptor(this.properties.outboundKey()))
			.requestInterceptor(new CircuitBreakingInterceptor(circuitBreaker(target)))
			.build();
	}

	/**
	 * The circuit breaker that guards a target, for callers that want to know its state.
	 * @param target the target's name
	 * @return its circuit breaker
	 */
	public CircuitBreaker circuitBreaker(String target) {
		return this.circuitBreakers.circuitBreaker("service-" + target);
	}

	private static CircuitBreakerConfig circuitBreakerConfig(ArchonApiProperties.Client settings) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(settings.failureRateThreshold())
			.waitDurationInOpenState(settings.openFor())
			.permittedNumberOfCallsInHalfOpenState(2)
			.build();
	}

}
