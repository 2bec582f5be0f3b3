package dev.archon.test.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 client that sends the request target byte for byte as given. Java's and
 * Spring's clients normalise or encode a path before sending it, which is exactly what a
 * test of path spellings must not do.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends one request on a new connection and reads the whole answer.
	 * @param port the loopback port
	 * @param method the method, as sent
	 * @param target the request target, as sent
	 * @param headers extra header lines, such as {@code Authorization: Bearer k}
	 * @return the answer
	 * @throws IOException if the connection fails
	 */
	public static Response send(int port, String method, String target, String... headers) throws IOException {
		return exchange(port, method, target, headers, null);
	}

	/**
	 * Sends one request with a body on a new connection and reads the whole answer.
	 * @param port the loopback port
	 * @param method the method, as sent
	 * @param target the request target, as sent
	 * @param body the body, byte for byte, announced by its {@code Content-Length}
	 * @param headers extra header lines, such as {@code Content-Type: application/json}
	 * @return the answer
	 * @throws IOException if the connection fails
	 */
	public static Response send(int port, String method, String target, byte[] body, String... headers)
			throws IOException {
		return exchange(port, method, target, headers, body);
	}

	private static Response exchange(int port, String method, String target, String[] headers, byte @Nullable [] body)
			throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			// A guard against a hang, not a measure: a service's first OpenAPI document
			// takes
			// seconds to build on a machine whose cores other builds share.
			socket.setSoTimeout(60_000);
			StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
			request.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			if (body != null) {
				request.append("Content-Length: ").append(body.length).append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			writeUnlessRefused(out, request.toString().getBytes(StandardCharsets.ISO_8859_1),
					(body != null) ? body : new byte[0]);
			return Response.read(method, socket.getInputStream());
		}
	}

	/**
	 * Writes a request that the server may refuse before reading all of it (a request
	 * line or headers too long, a body too large): it answers and closes the connection,
	 * and its answer is what the caller wants to see, not the broken pipe.
	 */
	private static void writeUnlessRefused(OutputStream out, byte[] head, byte[] body) {
		try {
			out.write(head);
			out.write(body);
			out.flush();
		}
		catch (IOException ex) {
			// The answer that says why is read next.
		}
	}

	/**
	 * An answer.
	 *
	 * @param method the method of the request it answers
	 * @param status the status code
	 * @param headers the headers, by lower-case name (the last of repeated ones)
	 * @param body the body, decoded as UTF-8 (and from its chunks when it came in chunks)
	 */
	public record Response(String method, int status, Map<String, String> headers, String body) {

		/**
		 * The media type of the body, without parameters.
		 * @return the media type, or an empty string without one
		 */
		public String contentType() {
			String value = this.headers.getOrDefault("content-type", "");
			int parameters = value.indexOf(';');
			return ((parameters >= 0) ? value.substring(0, parameters) : value).trim();
		}

		/**
		 * Whether the request was refused before any controller saw it: a 401, or a 400
		 * from the layers that check a path's form (NGINX, Spring Security's firewall,
		 * Tomcat). A 400 from a controller (a missing parameter, an unreadable body)
		 * would mean that the request got through. An answer to HEAD has no body to tell
		 * them apart.
		 * @return whether it was refused before routing
		 */
		public boolean refusedBeforeAnyController() {
			if (!contentType().equals("application/problem+json")) {
				return false;
			}
			if (this.status == 401) {
				return this.method.equals("HEAD") || this.body.contains("/problems/unauthorized");
			}
			return this.status == 400 && (this.method.equals("HEAD") || REFUSED_BEFORE_ROUTING.stream()
				.anyMatch((detail) -> this.body.contains("\"detail\":\"" + detail)));
		}

		/**
		 * How the layers in front of the controllers begin their 400s: NGINX and Spring
		 * Security's firewall for a path not in canonical form, NGINX and Tomcat for a
		 * request they cannot read. A controller's own 400s (a missing body, a missing
		 * parameter) say something else.
		 */
		private static final List<String> REFUSED_BEFORE_ROUTING = List.of("The request is not in canonical form",
				"The request cannot be read");

		static Response read(String method, InputStream in) throws IOException {
			byte[] all = in.readAllBytes();
			String text = new String(all, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			String head = (end >= 0) ? text.substring(0, end) : text;
			String[] lines = head.split("\r\n");
			String[] statusLine = lines[0].split(" ", 3);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).trim());
				}
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (end >= 0) {
				body.write(all, end + 4, all.length - end - 4);
			}
			byte[] content = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
					? dechunked(body.toByteArray()) : body.toByteArray();
			return new Response(method, Integer.parseInt(statusLine[1]), headers,
					new String(content, StandardCharsets.UTF_8));
		}

		/**
		 * The content of a chunked body, so that a JSON body can be read as JSON; what
		 * follows a chunk cut short is left out.
		 */
		private static byte[] dechunked(byte[] chunked) {
			ByteArrayOutputStream content = new ByteArrayOutputStream(chunked.length);
			int at = 0;
			while (at < chunked.length) {
				int lineEnd = indexOfCrLf(chunked, at);
				if (lineEnd < 0) {
					break;
				}
				String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
				int extension = sizeLine.indexOf(';');
				int size = Integer.parseInt(((extension >= 0) ? sizeLine.substring(0, extension) : sizeLine).trim(),
						16);
				int start = lineEnd + 2;
				if (size == 0 || start + size > chunked.length) {
					break;
				}
				content.write(chunked, start, size);
				at = start + size + 2;
			}
			return content.toByteArray();
		}

		private static int indexOfCrLf(byte[] bytes, int from) {
			for (int i = from; i + 1 < bytes.length; i++) {
				if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
					return i;
				}
			}
			return -1;
		}

	}

}
