package dev.archon.ha.patterns;

/**
 * Makes one string per distinct state name ({@code on}, {@code off}, {@code playing}, …)
 * instead of one per history row. Names beyond a few hundred are made afresh each time,
 * so that a strange history cannot grow the table without bound. Not thread-safe: one per
 * reader.
 */
final class StateNames {

	private static final int CAPACITY = 1024;

	private static final int MAX_NAMES = CAPACITY / 2;

	private final String[] names = new String[CAPACITY];

	private int size;

	String name(char[] chars, int offset, int length) {
		int hash = 0;
		for (int i = 0; i < length; i++) {
			hash = 31 * hash + chars[offset + i];
		}
		int slot = (hash ^ (hash >>> 16)) & (CAPACITY - 1);
		for (String known = this.names[slot]; known != null; known = this.names[slot]) {
			if (equal(known, chars, offset, length)) {
				return known;
			}
			slot = (slot + 1) & (CAPACITY - 1);
		}
		String name = new String(chars, offset, length);
		if (this.size < MAX_NAMES) {
			this.names[slot] = name;
			this.size++;
		}
		return name;
	}

	private static boolean equal(String known, char[] chars, int offset, int length) {
		if (known.length() != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (known.charAt(i) != chars[offset + i]) {
				return false;
			}
		}
		return true;
	}

}
