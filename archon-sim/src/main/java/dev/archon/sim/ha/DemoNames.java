package dev.archon.sim.ha;

import java.util.Locale;

/**
 * Display names made from ids, as Home Assistant's frontend makes them.
 */
public final class DemoNames {

	private DemoNames() {
	}

	/**
	 * Title-cases an id: {@code living_room} becomes {@code Living Room}.
	 * @param id the id
	 * @return the name
	 */
	public static String title(String id) {
		StringBuilder title = new StringBuilder();
		for (String word : id.split("_")) {
			if (word.isEmpty()) {
				continue;
			}
			if (!title.isEmpty()) {
				title.append(' ');
			}
			title.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
		}
		return title.toString();
	}

}
