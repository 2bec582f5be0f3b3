package dev.archon.ha.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.archon.ha.HaProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * The one WebSocket connection of this instance to Home Assistant. It authenticates,
 * tells its listeners when it is ready, sends commands with increasing ids and matches
 * their results by id (so many may be in flight at once), pings as a heartbeat, and
 * reconnects with capped exponential backoff and jitter whenever the socket is lost.
 */
public class HomeAssistantConnection implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(HomeAssistantConnection.class);

	private final HaProperties properties;

	private final JsonMapper json;

	private final ObjectProvider<HomeAssistantListener> listenerProvider;

	private final HttpClient http;

	private final URI websocketUri;

	private final ScheduledExecutorService scheduler;

	/**
	 * Ids must reach Home Assistant in increasing order, so allocation and send share it.
	 */
	private final ReentrantLock sendLock = new ReentrantLock();

	private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private final AtomicInteger attempts = new AtomicInteger();

	private final Counter reconnects;

	private final Counter events;

	private List<HomeAssistantListener> listeners = List.of();

	private volatile @Nullable WebSocket socket;

	private volatile @Nullable Reader reader;

	private volatile boolean authenticated;

	/** Whether the last attempt to connect failed: Home Assistant does not answer. */
	private volatile boolean unreachable;

	/** When the next attempt to connect is due, from {@link System#nanoTime()}. */
	private volatile long nextAttemptAt = System.nanoTime();

	private volatile boolean running;

	private long nextId = 1;

	/**
	 * A connection, not yet open.
	 * @param properties where Home Assistant is, its token, and the connection's timings
	 * @param http the client that opens the WebSocket, with its connect timeout and trust
	 * @param json reads and writes the messages
	 * @param listenerProvider who is told what happens on the connection
	 * @param meters where the connection's meters are registered
	 */
	HomeAssistantConnection(HaProperties properties, HttpClient http, JsonMapper json,
			ObjectProvider<HomeAssistantListener> listenerProvider, MeterRegistry meters) {
		this.properties = properties;
		this.http = http;
		this.json = json;
		this.listenerProvider = listenerProvider;
		this.websocketUri = websocketUri(properties.url());
		this.scheduler = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("ha-websocket-scheduler").daemon(true).factory());
		this.reconnects = Counter.builder("archon.ha.websocket.reconnects")
			.description("Connections to Home Assistant opened after a lost one")
			.register(meters);
		this.events = Counter.builder("archon.ha.events")
			.description("Events received from Home Assistant")
			.register(meters);
		Gauge.builder("archon.ha.websocket.connected", this, (connection) -> connection.isConnected() ? 1 : 0)
			.description("Whether the WebSocket to Home Assistant is open and authenticated")
			.register(meters);
	}

	static URI websocketUri(URI url) {
		String base = url.toString().replaceFirst("/+$", "");
		String scheme = base.startsWith("https:") ? "wss:" + base.substring("https:".length())
				: base.replaceFirst("^http:", "ws:");
		return URI.create(scheme + "/api/websocket");
	}

	public boolean isConnected() {
		return this.authenticated && this.socket != null;
	}

	/**
	 * Whether Home Assistant is known not to answer: the last attempt to connect failed,
	 * and none has succeeded since.
	 * @return whether it is unreachable
	 */
	public boolean isUnreachable() {
		return this.unreachable;
	}

	/**
	 * How long until the next attempt to connect, which is when a call refused for want
	 * of a connection may be worth trying again.
	 * @return the time until the next attempt, zero when it is due
	 */
	public Duration untilNextAttempt() {
		return Duration.ofNanos(Math.max(0, this.nextAttemptAt - System.nanoTime()));
	}

	/**
	 * Sends a command and returns its result message.
	 * @param command the command without its {@code id}
	 * @return the {@code result} (or {@code pong}) message; completes exceptionally with
	 * {@link CommandFailed} when Home Assistant answers {@code success: false}, the
	 * connection is lost, or no answer comes in time
	 */
	public CompletableFuture<JsonNode> send(ObjectNode command) {
		CompletableFuture<JsonNode> result = new CompletableFuture<>();
		long id;
		this.sendLock.lock();
		try {
			WebSocket current = this.socket;
			if (current == null || !this.authenticated) {
				return CompletableFuture.failedFuture(
						new CommandFailed(CommandFailed.Outcome.NOT_SENT, null, "Not connected to Home Assistant"));
			}
			id = this.nextId++;
			command.put("id", id);
			this.pending.put(id, result);
			try {
				current.sendText(this.json.writeValueAsString(command), true).join();
			}
			catch (CompletionException ex) {
				this.pending.remove(id);
				return CompletableFuture.failedFuture(new CommandFailed(CommandFailed.Outcome.NOT_SENT,
						"Could not send to Home Assistant", ex.getCause()));
			}
		}
		finally {
			this.sendLock.unlock();
		}
		Duration timeout = this.properties.websocket().commandTimeout();
		return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((message, failure) -> {
			if (failure != null) {
				this.pending.remove(id);
			}
		})
			.exceptionallyCompose((failure) -> CompletableFuture.failedFuture((failure instanceof TimeoutException)
					? new CommandFailed(CommandFailed.Outcome.UNKNOWN, null, "Home Assistant did not answer in time")
					: failure));
	}

	/**
	 * Drops the current connection, if any, and connects again after the usual backoff.
	 * @param reason why, for the log
	 */
	public void reconnect(String reason) {
		Reader current = this.reader;
		if (current != null) {
			current.fail(reason);
		}
	}

	@Override
	public void start() {
		this.listeners = this.listenerProvider.orderedStream().toList();
		this.running = true;
		connect();
		long heartbeat = this.properties.websocket().heartbeat().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.running = false;
		this.scheduler.shutdownNow();
		Reader current = this.reader;
		if (current != null) {
			current.fail("stopping");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void connect() {
		if (!this.running) {
			return;
		}
		logger.info("Connecting to Home Assistant at {}", this.websocketUri);
		this.http.newWebSocketBuilder()
			.connectTimeout(this.properties.websocket().connectTimeout())
			.buildAsync(this.websocketUri, new Reader())
			.whenComplete((webSocket, failure) -> {
				if (failure != null) {
					logger.warn("Cannot connect to Home Assistant at {}: {}", this.websocketUri, rootMessage(failure));
					this.unreachable = true;
					scheduleReconnect();
				}
			});
	}

	private void scheduleReconnect() {
		if (!this.running) {
			return;
		}
		int attempt = this.attempts.getAndIncrement();
		long initial = this.properties.websocket().initialBackoff().toMillis();
		long max = this.properties.websocket().maxBackoff().toMillis();
		long capped = Math.min(max, initial << Math.min(attempt, 20));
		// Full jitter on the upper half, so that many instances losing the same Home
		// Assistant do not all come back at the same instant.
		long delay = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		this.nextAttemptAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
		logger.info("Reconnecting to Home Assistant in {} ms (attempt {})", delay, attempt + 1);
		try {
			this.scheduler.schedule(() -> {
				this.reconnects.increment();
				connect();
			}, delay, TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			// The scheduler is shut down: the application is stopping.
		}
	}

	private void heartbeat() {
		if (!isConnected()) {
			return;
		}
		Reader current = this.reader;
		ObjectNode ping = this.json.createObjectNode().put("type", "ping");
		send(ping).orTimeout(this.properties.websocket().pongTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((pong, failure) -> {
				if (failure != null && current != null && current == this.reader) {
					current.fail("no answer to a ping");
				}
			});
	}

	/**
	 * Sends the {@code auth} message from the reader, so without waiting for the send:
	 * nothing else is sent before {@code auth_ok}, and a failed send loses the socket.
	 */
	private void sendRaw(WebSocket webSocket, ObjectNode message) {
		this.sendLock.lock();
		try {
			webSocket.sendText(this.json.writeValueAsString(message), true);
		}
		finally {
			this.sendLock.unlock();
		}
	}

	private void handle(Reader from, WebSocket webSocket, String text) {
		JsonNode message = this.json.readTree(text);
		if (message.isArray()) {
			for (JsonNode each : message) {
				handleOne(from, webSocket, each);
			}
		}
		else {
			handleOne(from, webSocket, message);
		}
	}

	private void handleOne(Reader from, WebSocket webSocket, JsonNode message) {
		String type = message.path("type").asString("");
		switch (type) {
			case "event" -> {
				this.events.increment();
				JsonNode event = message.path("event");
				for (HomeAssistantListener listener : this.listeners) {
					try {
						listener.event(event);
					}
					catch (RuntimeException ex) {
						logger.warn("A listener failed on an event", ex);
					}
				}
			}
			case "result", "pong" -> complete(message);
			case "auth_required" -> sendRaw(webSocket,
					this.json.createObjectNode().put("type", "auth").put("access_token", this.properties.token()));
			case "auth_ok" -> authenticated(from, webSocket, message);
			case "auth_invalid" -> {
				// The message is Home Assistant's, never our token.
				logger.error("Home Assistant refused the access token: {}", message.path("message").asString(""));
				from.fail("access token refused");
			}
			default -> logger.debug("Ignoring a message of type {}", type);
		}
	}

	private void complete(JsonNode message) {
		CompletableFuture<JsonNode> result = this.pending.remove(message.path("id").asLong());
		if (result == null) {
			return;
		}
		if ("result".equals(message.path("type").asString()) && !message.path("success").asBoolean()) {
			JsonNode error = message.path("error");
			String code = error.path("code").asString("unknown_error");
			CommandFailed.Outcome outcome = "home_assistant_error".equals(code) || "unknown_error".equals(code)
					? CommandFailed.Outcome.FAILED : CommandFailed.Outcome.REJECTED;
			result.completeExceptionally(new CommandFailed(outcome, code, error.path("message").asString(code)));
		}
		else {
			result.complete(message);
		}
	}

	private void authenticated(Reader from, WebSocket webSocket, JsonNode message) {
		this.sendLock.lock();
		try {
			this.nextId = 1;
			this.reader = from;
			this.socket = webSocket;
			this.authenticated = true;
			this.unreachable = false;
		}
		finally {
			this.sendLock.unlock();
		}
		this.attempts.set(0);
		logger.info("Connected to Home Assistant {}", message.path("ha_version").asString("(unknown version)"));
		// As Home Assistant's own frontend does: whatever is waiting to be sent to us
		// then
		// comes as one JSON array frame, so a call's events and its result cost one frame
		// rather than several. An older Home Assistant refuses it and sends frames as
		// before.
		// Sent off the reader, which must never wait for a send.
		ObjectNode features = this.json.createObjectNode().put("type", "supported_features");
		features.putObject("features").put("coalesce_messages", 1);
		Thread.ofVirtual().name("ha-connected").start(() -> {
			send(features);
			for (HomeAssistantListener listener : this.listeners) {
				Thread.ofVirtual().name("ha-connected").start(() -> listener.connected(this));
			}
		});
	}

	private void lost(Reader from, String reason) {
		boolean wasCurrent;
		this.sendLock.lock();
		try {
			wasCurrent = from == this.reader;
			if (wasCurrent) {
				this.reader = null;
				this.socket = null;
				this.authenticated = false;
			}
		}
		finally {
			this.sendLock.unlock();
		}
		if (wasCurrent) {
			logger.warn("Lost the connection to Home Assistant: {}", reason);
			CommandFailed failure = new CommandFailed(CommandFailed.Outcome.UNKNOWN, null,
					"The connection to Home Assistant was lost before the answer came");
			for (Long id : List.copyOf(this.pending.keySet())) {
				CompletableFuture<JsonNode> result = this.pending.remove(id);
				if (result != null) {
					result.completeExceptionally(failure);
				}
			}
			this.listeners.forEach(HomeAssistantListener::disconnected);
		}
		else {
			logger.warn("Home Assistant closed the connection before it was ready: {}", reason);
		}
		scheduleReconnect();
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/**
	 * Reads the socket one message at a time; callbacks of one socket never overlap, so
	 * messages are handled in the order Home Assistant sent them.
	 */
	private final class Reader implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		private final AtomicBoolean closed = new AtomicBoolean();

		private volatile @Nullable WebSocket webSocket;

		@Override
		public void onOpen(WebSocket webSocket) {
			this.webSocket = webSocket;
			webSocket.request(1);
		}

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String text = this.partial.toString();
				this.partial.setLength(0);
				try {
					handle(this, webSocket, text);
				}
				catch (RuntimeException ex) {
					logger.warn("Cannot handle a message from Home Assistant", ex);
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			webSocket.request(1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			lost("closed by Home Assistant (" + statusCode + ")");
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			lost(rootMessage(error));
		}

		/**
		 * Drops this socket at once: after a refused token, a missing pong, or on stop.
		 * @param reason why, for the log
		 */
		void fail(String reason) {
			WebSocket current = this.webSocket;
			if (current != null) {
				current.abort();
			}
			lost(reason);
		}

		private void lost(String reason) {
			if (this.closed.compareAndSet(false, true)) {
				HomeAssistantConnection.this.lost(this, reason);
			}
		}

	}

}
