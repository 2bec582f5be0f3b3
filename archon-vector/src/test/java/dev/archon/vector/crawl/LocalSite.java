package dev.archon.vector.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A web site on a random loopback port, answering 404 for every path it was not given,
 * and remembering what it was asked for.
 */
final class LocalSite implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

	private final Queue<String> requested = new ConcurrentLinkedQueue<>();

	private final Queue<String> hostHeaders = new ConcurrentLinkedQueue<>();

	LocalSite() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			this.requested.add(exchange.getRequestURI().toString());
			this.hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
			HttpHandler handler = this.handlers.get(exchange.getRequestURI().getPath());
			if (handler != null) {
				handler.handle(exchange);
			}
			else {
				respond(exchange, 404, "text/plain", new byte[0]);
			}
		});
		this.server.start();
	}

	LocalSite on(String path, HttpHandler handler) {
		this.handlers.put(path, handler);
		return this;
	}

	LocalSite page(String path, String contentType, byte[] body) {
		return on(path, (exchange) -> respond(exchange, 200, contentType, body));
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * What was requested, path and query, in order.
	 */
	List<String> requested() {
		return List.copyOf(this.requested);
	}

	List<String> hostHeaders() {
		return List.copyOf(this.hostHeaders);
	}

	static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
