package dev.archon.api.client;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

import dev.archon.api.trace.RequestIds;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Passes the current request id on to the called service, so that one id follows a
 * request across the cluster, and presents this service's API key.
 */
class OutboundHeadersInterceptor implements ClientHttpRequestInterceptor {

	private final @Nullable String apiKey;

	OutboundHeadersInterceptor(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String requestId = RequestIds.current();
		if (requestId != null) {
			request.getHeaders().set(RequestIds.HEADER, requestId);
		}
		if (this.apiKey != null && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			request.getHeaders().setBearerAuth(this.apiKey);
		}
		return execution.execute(request, body);
	}

}
