package dev.archon.ha.control;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.ha.HaProperties;
import dev.archon.ha.client.HomeAssistantConnection;
import dev.archon.ha.client.HomeAssistantRest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ControlConfiguration {

	static final String HOME_ASSISTANT = "home-assistant";

	@Bean
	AllowList allowList(HaProperties properties) {
		HaProperties.Control control = properties.control();
		return new AllowList(control.allowed(), control.denied(), control.allowedScripts());
	}

	@Bean
	ServiceCalls serviceCalls(HaProperties properties, AllowList allowList, HomeAssistantConnection connection,
			HomeAssistantRest rest, RateLimiterRegistry rateLimiters, CircuitBreakerRegistry circuitBreakers,
			JsonMapper json, MeterRegistry meters) {
		HaProperties.Control control = properties.control();
		RateLimiter rateLimiter = rateLimiters.rateLimiter(HOME_ASSISTANT,
				RateLimiterConfig.custom()
					.limitForPeriod(control.callsPerSecond())
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(control.rateLimitWait())
					.build());
		CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(HOME_ASSISTANT,
				CircuitBreakerConfig.custom()
					.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
					.slidingWindowSize(20)
					.minimumNumberOfCalls(10)
					.failureRateThreshold(control.failureRateThreshold())
					.waitDurationInOpenState(control.openFor())
					.permittedNumberOfCallsInHalfOpenState(3)
					.build());
		return new ServiceCalls(allowList, connection, rest, rateLimiter, circuitBreaker, json, meters,
				control.callsPerSecond());
	}

	@Bean
	Batches batches(ServiceCalls calls, HaProperties properties) {
		HaProperties.Control control = properties.control();
		return new Batches(calls, control.defaultBatchConcurrency(), control.maxBatchConcurrency(),
				control.maxBatchOperations());
	}

}
