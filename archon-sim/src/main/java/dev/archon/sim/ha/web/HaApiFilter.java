package dev.archon.sim.ha.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.archon.sim.SimToken;
import dev.archon.sim.ha.Faults;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards Home Assistant's REST API like its {@code http} component: a bearer token or
 * 401, then any injected latency or error. The WebSocket authenticates in its own
 * protocol, so its handshake passes.
 */
class HaApiFilter extends OncePerRequestFilter {

	private final SimToken token;

	private final Faults faults;

	HaApiFilter(SimToken token, Faults faults) {
		this.token = token;
		this.faults = faults;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals("/api") || path.startsWith("/api/")) || path.equals("/api/websocket");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.token.matchesBearer(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			write(response, HttpServletResponse.SC_UNAUTHORIZED, "{\"message\":\"401: Unauthorized\"}");
			return;
		}
		this.faults.delay();
		if (this.faults.strikes(Faults.Mode.ERROR) != null) {
			write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
					"{\"message\":\"500 Internal Server Error: simulated fault\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	static void write(HttpServletResponse response, int status, String json) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
