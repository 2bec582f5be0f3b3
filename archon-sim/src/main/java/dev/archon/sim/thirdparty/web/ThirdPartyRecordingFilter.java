package dev.archon.sim.thirdparty.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.archon.sim.thirdparty.ReceivedRequest;
import dev.archon.sim.thirdparty.ReceivedRequests;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Logs every request to a fake under {@code /thirdparty/<api>} with the answer it got, so
 * that a test can tell a request the fake accepted from one it refused, whatever the
 * API's way of refusing (Slack refuses with 200 and {@code "ok": false}).
 */
class ThirdPartyRecordingFilter extends OncePerRequestFilter {

	static final String PREFIX = "/thirdparty/";

	/** More than any fake accepts; the fakes refuse larger bodies themselves. */
	private static final int BODY_LIMIT = 1024 * 1024;

	private final ReceivedRequests received;

	ThirdPartyRecordingFilter(ReceivedRequests received) {
		this.received = received;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingRequestWrapper cachedRequest = new ContentCachingRequestWrapper(request, BODY_LIMIT);
		ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(cachedRequest, cachedResponse);
		}
		finally {
			String path = path(request).substring(PREFIX.length());
			int slash = path.indexOf('/');
			String api = (slash < 0) ? path : path.substring(0, slash);
			this.received.add(new ReceivedRequest(api, request.getMethod(), (slash < 0) ? "/" : path.substring(slash),
					query(request), headers(request),
					new String(cachedRequest.getContentAsByteArray(), StandardCharsets.UTF_8),
					cachedResponse.getStatus(),
					new String(cachedResponse.getContentAsByteArray(), StandardCharsets.UTF_8)));
			cachedResponse.copyBodyToResponse();
		}
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static Map<String, List<String>> query(HttpServletRequest request) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (request.getQueryString() != null) {
			// getParameterMap would mix in a form body; the query alone is what the URL
			// said
			for (String pair : request.getQueryString().split("&")) {
				int equals = pair.indexOf('=');
				String name = decode((equals < 0) ? pair : pair.substring(0, equals));
				String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
				query.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
		}
		query.replaceAll((name, values) -> List.copyOf(values));
		return Collections.unmodifiableMap(query);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static Map<String, String> headers(HttpServletRequest request) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", Collections.list(request.getHeaders(name))));
		}
		return Collections.unmodifiableMap(headers);
	}

}
