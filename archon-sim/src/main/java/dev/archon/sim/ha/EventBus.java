package dev.archon.sim.ha;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Home Assistant's event bus. Listeners run on the thread that fires, in firing order, so
 * they must not block: the WebSocket listeners only put a message in a queue.
 */
@Component
public class EventBus {

	/** Listens to every event type, like Home Assistant's {@code MATCH_ALL}. */
	public static final String MATCH_ALL = "*";

	private static final Log logger = LogFactory.getLog(EventBus.class);

	private final Map<String, List<Consumer<HaEvent>>> listeners = new ConcurrentHashMap<>();

	/**
	 * Listens to one event type or all of them.
	 * @param eventType the type, or {@link #MATCH_ALL}
	 * @param listener what to call
	 * @return removes the listener
	 */
	public Runnable listen(String eventType, Consumer<HaEvent> listener) {
		List<Consumer<HaEvent>> list = this.listeners.computeIfAbsent(eventType, (key) -> new CopyOnWriteArrayList<>());
		list.add(listener);
		return () -> list.remove(listener);
	}

	public void fire(HaEvent event) {
		notify(this.listeners.get(event.eventType()), event);
		notify(this.listeners.get(MATCH_ALL), event);
	}

	/**
	 * Listener counts per event type, as {@code GET /api/events} reports them.
	 * @return event type to count, without types nobody listens to
	 */
	public Map<String, Integer> listenerCounts() {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		this.listeners.forEach((type, list) -> {
			if (!list.isEmpty()) {
				counts.put(type, list.size());
			}
		});
		return counts;
	}

	private static void notify(List<Consumer<HaEvent>> list, HaEvent event) {
		if (list == null) {
			return;
		}
		for (Consumer<HaEvent> listener : list) {
			try {
				listener.accept(event);
			}
			catch (RuntimeException ex) {
				// One broken listener must not keep the event from the others.
				logger.warn("Event listener failed for " + event.eventType(), ex);
			}
		}
	}

}
