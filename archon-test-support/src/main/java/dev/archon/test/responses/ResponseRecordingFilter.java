package dev.archon.test.responses;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records each response the application sends in the {@link ResponseLog}: once the
 * response is complete, which for an asynchronous one (a server-sent event stream, a
 * deferred result) is when its async context completes, times out or fails.
 */
final class ResponseRecordingFilter extends OncePerRequestFilter {

	private final String application;

	private final ResponseLog log;

	ResponseRecordingFilter(String application, ResponseLog log) {
		this.application = application;
		this.log = log;
	}

	/**
	 * Also an error dispatch: when an exception leaves the filter chain, the container
	 * renders the error page in a new dispatch, whose response is what the client gets.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RecordingResponse recording = new RecordingResponse(response);
		chain.doFilter(request, recording);
		if (request.isAsyncStarted()) {
			request.getAsyncContext().addListener(new RecordWhenDone(request, recording));
		}
		else {
			record(request, recording);
		}
	}

	private void record(HttpServletRequest request, RecordingResponse response) {
		this.log.append(this.application, request.getMethod(), request.getRequestURI(), response.getStatus(),
				response.headers(), response.body());
	}

	private final class RecordWhenDone implements AsyncListener {

		private final HttpServletRequest request;

		private final RecordingResponse response;

		RecordWhenDone(HttpServletRequest request, RecordingResponse response) {
			this.request = request;
			this.response = response;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			record(this.request, this.response);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			record(this.request, this.response);
		}

		@Override
		public void onError(AsyncEvent event) {
			record(this.request, this.response);
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			// A new cycle of the same response: it is recorded when that one ends.
		}

	}

}
