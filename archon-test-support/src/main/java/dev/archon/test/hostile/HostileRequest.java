package dev.archon.test.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request as it goes on the wire.
 *
 * @param method the method
 * @param target the request target, path and query, encoded as sent
 * @param headers header lines, such as {@code Content-Type: application/json}
 * @param body the body, {@code null} without one
 */
public record HostileRequest(String method, String target, List<String> headers, byte @Nullable [] body) {

	private static final int SHOWN = 600;

	/**
	 * The request as a reader of a failed test needs it to send it again: the body's
	 * bytes outside printable ASCII escaped, and the middle of a long body left out.
	 */
	@Override
	public String toString() {
		String request = this.method + " " + shortened(this.target) + " " + this.headers;
		if (this.body == null) {
			return request;
		}
		StringBuilder printable = new StringBuilder();
		for (byte b : this.body) {
			int c = b & 0xff;
			printable.append((c >= 0x20 && c < 0x7f) ? String.valueOf((char) c) : String.format("\\x%02x", c));
		}
		return request + " (" + this.body.length + " bytes) " + shortened(printable.toString());
	}

	/**
	 * How long the request is, to show the shortest of the requests that failed first.
	 * @return its length in bytes
	 */
	public int length() {
		return this.target.getBytes(StandardCharsets.UTF_8).length + ((this.body != null) ? this.body.length : 0);
	}

	private static String shortened(String text) {
		if (text.length() <= SHOWN) {
			return text;
		}
		return text.substring(0, SHOWN / 2) + "[… " + (text.length() - SHOWN) + " more …]"
				+ text.substring(text.length() - SHOWN / 2);
	}

}
