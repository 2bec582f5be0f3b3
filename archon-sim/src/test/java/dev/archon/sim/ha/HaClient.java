package dev.archon.sim.ha;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A plain client of the simulator for tests: REST through {@link HttpClient}, the
 * WebSocket through its built-in client, keeping every frame as it arrived.
 */
public final class HaClient {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public HaClient(int port) {
		this.base = "http://localhost:" + port;
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + HaSimTest.TOKEN)
			.GET());
	}

	public Response post(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + HaSimTest.TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + HaSimTest.TOKEN)
			.DELETE());
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String url(String path) {
		return this.base + path;
	}

	/**
	 * Opens the WebSocket without authenticating.
	 * @return the connection
	 */
	public Socket connect() {
		Socket socket = new Socket();
		socket.webSocket = http.newWebSocketBuilder()
			.buildAsync(URI.create(this.base.replace("http", "ws") + "/api/websocket"), socket.listener)
			.join();
		return socket;
	}

	/**
	 * Opens the WebSocket and authenticates, sending {@code auth} at once as the official
	 * client does.
	 * @return the connection, past {@code auth_ok}
	 */
	public Socket authenticated() {
		Socket socket = connect();
		socket.send("{\"type\":\"auth\",\"access_token\":\"" + HaSimTest.TOKEN + "\"}");
		socket.expectType("auth_required");
		socket.expectType("auth_ok");
		return socket;
	}

	/**
	 * A REST answer.
	 *
	 * @param status the status code
	 * @param body the body
	 * @param location the Location header
	 */
	public record Response(int status, String body, @Nullable String location) {

		public JsonNode json() {
			return HaJson.MAPPER.readTree(this.body);
		}

	}

	/**
	 * A WebSocket connection that keeps frames as they came, arrays included.
	 */
	public static final class Socket implements AutoCloseable {

		private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

		private final List<JsonNode> pending = new ArrayList<>();

		private final CompletableFuture<Integer> closed = new CompletableFuture<>();

		private @Nullable WebSocket webSocket;

		private final WebSocket.Listener listener = new WebSocket.Listener() {

			private final StringBuilder partial = new StringBuilder();

			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				this.partial.append(data);
				if (last) {
					Socket.this.frames.add(this.partial.toString());
					this.partial.setLength(0);
				}
				webSocket.request(1);
				return null;
			}

			@Override
			public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
				Socket.this.closed.complete(statusCode);
				return null;
			}

			@Override
			public void onError(WebSocket webSocket, Throwable error) {
				Socket.this.closed.complete(-1);
			}

		};

		public void send(String json) {
			WebSocket socket = this.webSocket;
			if (socket == null) {
				throw new IllegalStateException("not connected");
			}
			socket.sendText(json, true).join();
		}

		/**
		 * The next frame as it came.
		 * @return the raw frame
		 */
		public String nextFrame() {
			try {
				String frame = this.frames.poll(15, TimeUnit.SECONDS);
				if (frame == null) {
					throw new AssertionError("no frame within 15 s");
				}
				return frame;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * The next message, taking coalesced frames apart.
		 * @return the message
		 */
		public JsonNode next() {
			if (this.pending.isEmpty()) {
				JsonNode frame = HaJson.MAPPER.readTree(nextFrame());
				if (frame.isArray()) {
					frame.forEach(this.pending::add);
				}
				else {
					this.pending.add(frame);
				}
			}
			return this.pending.remove(0);
		}

		public JsonNode expectType(String type) {
			JsonNode message = next();
			if (!type.equals(message.path("type").asString())) {
				throw new AssertionError("expected " + type + " but got " + message);
			}
			return message;
		}

		/**
		 * Skips messages until the one with the given id and type.
		 * @param id the id
		 * @param type the type
		 * @return the message
		 */
		public JsonNode await(int id, String type) {
			for (int i = 0; i < 10_000; i++) {
				JsonNode message = next();
				if (message.path("id").asInt() == id && type.equals(message.path("type").asString())) {
					return message;
				}
			}
			throw new AssertionError("no " + type + " for " + id);
		}

		/**
		 * Waits for the server to close the connection.
		 * @return the close code, or -1 on error
		 */
		public int awaitClose() {
			return this.closed.orTimeout(20, TimeUnit.SECONDS).join();
		}

		public boolean isClosed() {
			return this.closed.isDone();
		}

		@Override
		public void close() {
			WebSocket socket = this.webSocket;
			if (socket != null && !socket.isOutputClosed()) {
				socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally((ex) -> null);
			}
		}

	}

}
