package dev.archon.sim.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with {@code ${Title}}, {@code ${Class}}, {@code ${slug}} and {@code ${summary}}
 * slots, split once so that rendering on the hot path is a single pass of appends.
 */
final class Template {

	private static final String[] SLOTS = { "${Title}", "${Class}", "${slug}", "${summary}" };

	private final String[] literals;

	private final int[] slots;

	private final int length;

	private Template(String[] literals, int[] slots) {
		this.literals = literals;
		this.slots = slots;
		int length = 0;
		for (String literal : literals) {
			length += literal.length();
		}
		this.length = length;
	}

	static Template compile(String text) {
		List<String> literals = new ArrayList<>();
		List<Integer> slots = new ArrayList<>();
		int from = 0;
		while (true) {
			int at = text.indexOf("${", from);
			if (at < 0) {
				literals.add(text.substring(from));
				break;
			}
			int slot = slotAt(text, at);
			literals.add(text.substring(from, at));
			slots.add(slot);
			from = at + SLOTS[slot].length();
		}
		return new Template(literals.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
	}

	String render(AgentNames names) {
		String[] values = { names.title(), names.className(), names.slug(), names.summary() };
		StringBuilder text = new StringBuilder(this.length + this.slots.length * 32);
		for (int i = 0; i < this.slots.length; i++) {
			text.append(this.literals[i]).append(values[this.slots[i]]);
		}
		return text.append(this.literals[this.literals.length - 1]).toString();
	}

	private static int slotAt(String text, int at) {
		for (int slot = 0; slot < SLOTS.length; slot++) {
			if (text.startsWith(SLOTS[slot], at)) {
				return slot;
			}
		}
		throw new IllegalArgumentException("Unknown slot at " + text.substring(at, Math.min(text.length(), at + 20)));
	}

}
