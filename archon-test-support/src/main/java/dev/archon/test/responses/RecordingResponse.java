package dev.archon.test.responses;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A response that keeps a copy of what is written to it while passing every byte on at
 * once. Not Spring's {@code ContentCachingResponseWrapper}: that one holds the body back
 * until the end, which would stop a server-sent event stream from streaming.
 */
final class RecordingResponse extends HttpServletResponseWrapper {

	/**
	 * What is kept of one body at most: enough for any secret, bounded for long streams.
	 */
	static final int MAX_RECORDED_BYTES = 1 << 20;

	private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

	private @Nullable ServletOutputStream outputStream;

	private @Nullable PrintWriter writer;

	RecordingResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.outputStream == null) {
			this.outputStream = new CopyingOutputStream(super.getOutputStream());
		}
		return this.outputStream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			this.writer = new PrintWriter(new CopyingWriter(super.getWriter(), charset()));
		}
		return this.writer;
	}

	/**
	 * The headers sent, by name.
	 * @return the headers
	 */
	Map<String, List<String>> headers() {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : getHeaderNames()) {
			headers.put(name, List.copyOf(getHeaders(name)));
		}
		return headers;
	}

	/**
	 * The body written so far, as text.
	 * @return the body, up to {@link #MAX_RECORDED_BYTES}
	 */
	String body() {
		synchronized (this.copy) {
			return this.copy.toString(charset());
		}
	}

	private Charset charset() {
		String encoding = getCharacterEncoding();
		return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
	}

	private void keep(byte[] bytes, int offset, int length) {
		synchronized (this.copy) {
			int room = MAX_RECORDED_BYTES - this.copy.size();
			if (room > 0) {
				this.copy.write(bytes, offset, Math.min(room, length));
			}
		}
	}

	private final class CopyingOutputStream extends ServletOutputStream {

		private final ServletOutputStream target;

		CopyingOutputStream(ServletOutputStream target) {
			this.target = target;
		}

		@Override
		public void write(int b) throws IOException {
			this.target.write(b);
			keep(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.target.write(bytes, offset, length);
			keep(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			this.target.flush();
		}

		@Override
		public void close() throws IOException {
			this.target.close();
		}

		@Override
		public boolean isReady() {
			return this.target.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.target.setWriteListener(listener);
		}

	}

	private final class CopyingWriter extends Writer {

		private final Writer target;

		private final Charset charset;

		CopyingWriter(Writer target, Charset charset) {
			this.target = target;
			this.charset = charset;
		}

		@Override
		public void write(char[] characters, int offset, int length) throws IOException {
			this.target.write(characters, offset, length);
			byte[] bytes = new String(characters, offset, length).getBytes(this.charset);
			keep(bytes, 0, bytes.length);
		}

		@Override
		public void flush() throws IOException {
			this.target.flush();
		}

		@Override
		public void close() throws IOException {
			this.target.close();
		}

	}

}
