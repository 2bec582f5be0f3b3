package dev.archon.sim.ha.websocket;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.archon.sim.SimToken;
import dev.archon.sim.ha.EventBus;
import dev.archon.sim.ha.Faults;
import dev.archon.sim.ha.HaSimProperties;
import dev.archon.sim.ha.HomeConfig;
import dev.archon.sim.ha.Services;
import dev.archon.sim.ha.States;
import dev.archon.sim.ha.history.HistoryJson;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * Home Assistant's WebSocket API at {@code /api/websocket}: one {@link HaConnection} per
 * client.
 */
class HaWebSocketHandler extends TextWebSocketHandler implements DisposableBean {

	private final Context context;

	private final Map<String, HaConnection> connections = new ConcurrentHashMap<>();

	HaWebSocketHandler(Context context) {
		this.context = context;
		context.faults().onDrop(() -> this.connections.values().forEach(HaConnection::drop));
	}

	int connectionCount() {
		return this.connections.size();
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		HaConnection connection = new HaConnection(session, this.context);
		this.connections.put(session.getId(), connection);
		connection.start();
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		HaConnection connection = this.connections.get(session.getId());
		if (connection != null) {
			connection.receive(message.getPayload());
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		HaConnection connection = this.connections.remove(session.getId());
		if (connection != null) {
			connection.closed();
		}
	}

	@Override
	public void destroy() {
		this.connections.values().forEach(HaConnection::drop);
		this.context.scheduler().shutdownNow();
	}

	/**
	 * What every connection shares.
	 *
	 * @param properties the simulator's settings
	 * @param token the access token
	 * @param states the state machine
	 * @param bus the event bus
	 * @param services the service registry
	 * @param config the core configuration
	 * @param historyJson history in the compressed shape
	 * @param registry the area, device and entity registries
	 * @param faults injected faults
	 * @param zone the home's zone
	 * @param scheduler runs the auth timeouts
	 */
	record Context(HaSimProperties properties, SimToken token, States states, EventBus bus, Services services,
			HomeConfig config, HistoryJson historyJson, Registry registry, Faults faults, ZoneId zone,
			ScheduledExecutorService scheduler) {

		static ScheduledExecutorService newScheduler() {
			return Executors
				.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ha-websocket-auth").factory());
		}

	}

}
