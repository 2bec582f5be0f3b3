package dev.archon.agentgen.job;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * archon-vector as the pipeline meets it, on a loopback port: search finds one chunk of
 * Pydantic AI's page on tools, the one whose code the composer follows, when
 * {@link #documenting} says so, and nothing otherwise; the page reads back; embeddings
 * are all zero, so that tools are chosen by the plan alone and the same way every run.
 */
final class FakeVector implements AutoCloseable {

	static final String PAGE_URL = "https://ai.pydantic.dev/tools/";

	private static final String FOUND = """
			{"results": [{"url": "%s", "chunkNumber": 3, "title": "Function Tools", "summary": "",
			  "source": "pydantic_ai_docs", "metadata": {}, "score": 0.81,
			  "content": "agent_a = Agent(\\n    'google:gemini-3-flash-preview',\\n    tools=[roll_dice, get_player_name],\\n)"}],
			 "tookMs": 3, "cache": "miss"}
			"""
		.formatted(PAGE_URL);

	private static final String NOTHING = """
			{"results": [], "tookMs": 1, "cache": "miss"}
			""";

	private static final String PAGE = """
			{"url": "%s", "title": "Function Tools", "content": "Tools", "truncated": false}
			""".formatted(PAGE_URL);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private volatile boolean documenting;

	FakeVector() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/api/v1/vector/search",
				(exchange) -> answer(exchange, this.documenting ? FOUND : NOTHING));
		this.server.createContext("/api/v1/vector/pages/content", (exchange) -> answer(exchange, PAGE));
		this.server.createContext("/api/v1/vector/embed", this::embed);
		this.server.start();
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	void documenting(boolean documenting) {
		this.documenting = documenting;
	}

	private void embed(HttpExchange exchange) throws IOException {
		int texts = json.readTree(exchange.getRequestBody().readAllBytes()).path("texts").size();
		answer(exchange, "{\"vectors\": [" + String.join(",", Collections.nCopies(texts, "[0.0, 0.0]")) + "]}");
	}

	private static void answer(HttpExchange exchange, String json) throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
