package dev.archon.api.problem;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.archon.api.trace.RequestIds;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Gives every problem that a controller or an exception handler answers with, whichever
 * service's advice made it, the request id and the path it concerns, so that an operator
 * can find the request's log lines from any error a client reports.
 */
@RestControllerAdvice
public class ProblemEnricher implements ResponseBodyAdvice<Object> {

	private static final URI BLANK_TYPE = URI.create("about:blank");

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem) {
			if (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.REQUEST_ID)) {
				problem.setProperty(Problems.REQUEST_ID, RequestIds.current());
			}
			if (problem.getInstance() == null) {
				problem.setInstance(URI.create(request.getURI().getRawPath()));
			}
			if (problem.getType() == null || BLANK_TYPE.equals(problem.getType())) {
				ProblemType type = ProblemType.forStatus(HttpStatusCode.valueOf(problem.getStatus()));
				problem.setType(type.type());
			}
		}
		return body;
	}

}
