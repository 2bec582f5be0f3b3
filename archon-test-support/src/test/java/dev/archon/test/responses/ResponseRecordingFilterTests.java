package dev.archon.test.responses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseRecordingFilterTests {

	@TempDir
	Path directory;

	@Test
	void recordsStatusHeadersAndBodyAndPassesTheBodyOn() throws ServletException, IOException {
		ResponseLog log = new ResponseLog(this.directory.resolve("responses.log"));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/ha/states");
		request.setQueryString("domain=light");
		request.addHeader("Authorization", "Bearer request-key-never-recorded");
		MockHttpServletResponse response = new MockHttpServletResponse();

		new ResponseRecordingFilter("archon-ha-bridge", log).doFilter(request, response,
				new MockFilterChain(new StreamServlet()));

		assertThat(response.getContentAsString()).isEqualTo("[{\"entity_id\":\"light.kitchen\"}]");
		assertThat(Files.readString(log.file(), StandardCharsets.UTF_8))
			.startsWith(ResponseLog.RESPONSE_MARKER + "archon-ha-bridge GET /api/v1/ha/states 203\n")
			.contains("X-Request-Id: r-1\n")
			.contains("\n[{\"entity_id\":\"light.kitchen\"}]\n")
			.doesNotContain("domain=light")
			.doesNotContain("request-key-never-recorded");
	}

	@Test
	void recordsWhatIsWrittenThroughTheWriter() throws ServletException, IOException {
		ResponseLog log = new ResponseLog(this.directory.resolve("responses.log"));
		MockHttpServletResponse response = new MockHttpServletResponse();

		new ResponseRecordingFilter("archon-sim", log).doFilter(new MockHttpServletRequest("GET", "/api/"), response,
				new MockFilterChain(new WriterServlet()));

		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"API running. ☀\"}");
		assertThat(Files.readString(log.file(), StandardCharsets.UTF_8)).contains("{\"message\":\"API running. ☀\"}");
	}

	@Test
	void recordsAnAsynchronousResponseWhenItCompletes() throws ServletException, IOException {
		ResponseLog log = new ResponseLog(this.directory.resolve("responses.log"));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/agents/1/events");
		request.setAsyncSupported(true);
		MockHttpServletResponse response = new MockHttpServletResponse();

		new ResponseRecordingFilter("archon-agentgen", log).doFilter(request, response,
				new MockFilterChain(new EventStreamServlet()));

		assertThat(log.file()).doesNotExist();
		request.getAsyncContext().getResponse().getWriter().write("data: done\n\n");
		request.getAsyncContext().complete();
		assertThat(Files.readString(log.file(), StandardCharsets.UTF_8))
			.startsWith(ResponseLog.RESPONSE_MARKER + "archon-agentgen GET /api/v1/agents/1/events 200\n")
			.contains("data: step\n\ndata: done\n");
	}

	private static final class StreamServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setStatus(203);
			response.setHeader("X-Request-Id", "r-1");
			response.getOutputStream().write("[{\"entity_id\":\"light.kitchen\"}]".getBytes(StandardCharsets.UTF_8));
		}

	}

	private static final class WriterServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"message\":\"API running. ☀\"}");
			response.getWriter().flush();
		}

	}

	private static final class EventStreamServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			AsyncContext async = request.startAsync(request, response);
			async.getResponse().setContentType("text/event-stream");
			async.getResponse().getWriter().write("data: step\n\n");
		}

	}

}
