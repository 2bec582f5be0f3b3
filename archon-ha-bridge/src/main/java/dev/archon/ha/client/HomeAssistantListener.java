package dev.archon.ha.client;

import tools.jackson.databind.JsonNode;

/**
 * Told what happens on the WebSocket connection to Home Assistant.
 */
public interface HomeAssistantListener {

	/**
	 * The connection is open and authenticated. Called on a thread of its own, so that
	 * the listener may send commands and wait for their results.
	 * @param connection the connection
	 */
	default void connected(HomeAssistantConnection connection) {
	}

	/**
	 * An event arrived. Called on the connection's reader, in the order of the socket, so
	 * the listener must not block.
	 * @param event the {@code event} member of the message
	 */
	default void event(JsonNode event) {
	}

	/**
	 * The connection was lost; a reconnection is scheduled.
	 */
	default void disconnected() {
	}

}
