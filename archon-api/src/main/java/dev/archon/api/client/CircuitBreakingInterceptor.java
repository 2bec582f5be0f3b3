package dev.archon.api.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Guards the calls to one service with its circuit breaker. Connection failures, timeouts
 * and 5xx answers count against the target; a 4xx is the caller's own error and does not.
 * While the circuit is open, calls fail at once with
 * {@link io.github.resilience4j.circuitbreaker.CallNotPermittedException} instead of
 * waiting for a timeout.
 */
class CircuitBreakingInterceptor implements ClientHttpRequestInterceptor {

	private final CircuitBreaker circuitBreaker;

	CircuitBreakingInterceptor(CircuitBreaker circuitBreaker) {
		this.circuitBreaker = circuitBreaker;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		this.circuitBreaker.acquirePermission();
		long start = System.nanoTime();
		ClientHttpResponse response;
		try {
			response = execution.execute(request, body);
		}
		catch (IOException | RuntimeException ex) {
			this.circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			throw ex;
		}
		if (response.getStatusCode().is5xxServerError()) {
			this.circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS,
					new IOException("Answered " + response.getStatusCode().value()));
		}
		else {
			this.circuitBreaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
		return response;
	}

}
