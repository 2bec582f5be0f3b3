package dev.archon.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.archon.api.problem.FieldError;
import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.ProblemWriter;
import dev.archon.api.problem.Problems;

import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose query parameters hold a control character (NUL above all, which
 * PostgreSQL cannot store) or bytes that are not UTF-8, naming each such parameter,
 * before a controller passes the value on to a database or a log line. It reads the raw
 * query itself, because Tomcat drops or fails on a parameter it cannot decode without
 * saying which.
 */
public class ParameterTextFilter extends OncePerRequestFilter {

	private final ProblemWriter problemWriter;

	public ParameterTextFilter(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		List<FieldError> errors = (query != null) ? errors(query) : List.of();
		if (errors.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail invalid = Problems.of(ProblemType.VALIDATION, errors.size()
				+ ((errors.size() == 1) ? " parameter is invalid" : " parameters are invalid") + ": see errors");
		invalid.setProperty(Problems.ERRORS, errors);
		this.problemWriter.write(request, response, invalid);
	}

	private static List<FieldError> errors(String query) {
		List<FieldError> errors = new ArrayList<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			String problem = problem(name);
			problem = (problem != null) ? problem : problem(value);
			if (problem != null) {
				errors.add(new FieldError(printable(name), problem));
			}
		}
		return errors;
	}

	private static @Nullable String problem(String encoded) {
		String text;
		try {
			ByteBuffer bytes = ByteBuffer.wrap(percentDecoded(encoded));
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException | IllegalArgumentException ex) {
			return "must be percent-encoded UTF-8";
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				return "must not contain control characters such as NUL";
			}
		}
		return null;
	}

	private static byte[] percentDecoded(String encoded) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '%') {
				if (i + 2 >= encoded.length()) {
					throw new IllegalArgumentException("Truncated percent-encoding");
				}
				bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
				i += 2;
			}
			else {
				bytes.write((c == '+') ? ' ' : c);
			}
		}
		return bytes.toByteArray();
	}

	/**
	 * A parameter's name as a caller can read it in the answer: as it was sent, since a
	 * name that could not be decoded is one of those this filter refuses.
	 */
	private static String printable(String encoded) {
		return encoded.chars()
			.map((c) -> (c < 0x20 || c > 0x7E) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
