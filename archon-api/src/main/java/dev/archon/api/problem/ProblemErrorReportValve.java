package dev.archon.api.problem;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.trace.RequestIds;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Answers the errors that Tomcat raises before any servlet runs (a malformed request
 * line, an encoded slash or NUL byte in the path, a URI or header too long, TRACE) with a
 * problem, where Tomcat's own valve writes an HTML page. Tomcat instantiates it by class
 * name, so it carries its own {@link ProblemWriter}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final ProblemWriter problemWriter = new ProblemWriter(JsonMapper.builder().build());

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		ProblemType type = ProblemType.forStatus(HttpStatusCode.valueOf(status));
		ProblemDetail problem = Problems.of(type, detail(status, type));
		// The catalogue has no entry for every status Tomcat answers with (414, 431).
		problem.setStatus(status);
		// Errors raised before any filter ran have no request id yet: this one is made
		// here, and sent in the header too, so that the answer and its log line agree.
		String requestId = response.getHeader(RequestIds.HEADER);
		if (requestId == null) {
			requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
			response.setHeader(RequestIds.HEADER, requestId);
		}
		problem.setProperty(Problems.REQUEST_ID, requestId);
		try {
			problemWriter.write(request, response, problem);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was taken over: nothing left to tell.
		}
	}

	private static String detail(int status, ProblemType type) {
		return switch (status) {
			case 400 -> "The request cannot be read: its request line, path or headers are malformed "
					+ "(encoded slashes, NUL bytes and characters outside URLs are refused).";
			case 405 -> "This method is not allowed.";
			case 414 -> "The URI is too long.";
			case 431 -> "The request headers are too large.";
			default -> type.status().is5xxServerError()
					? "Something went wrong on our side. Quote the request id when you report it." : type.title();
		};
	}

}
