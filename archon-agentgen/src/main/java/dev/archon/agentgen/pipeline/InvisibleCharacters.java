package dev.archon.agentgen.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Escapes the characters that make code read differently from how it runs ("Trojan
 * Source", CVE-2021-42574): bidirectional controls reorder what an editor or a review
 * shows, line and paragraph separators look like line breaks that Python does not see,
 * and zero-width characters make two strings that look the same compare unequal. A user's
 * description reaches the generated files through the built-in templates and through any
 * model that copies it, so the files are escaped after they are written, whoever wrote
 * them.
 * <p>
 * Python files are read as Python, because an escape means the same character only inside
 * an ordinary string literal: there it is the same text at run time, in a comment it is
 * harmless text, and elsewhere the character was a syntax error already. Other files
 * (.env.example, requirements.txt) are escaped as plain text: they have no escape syntax
 * of their own, but a visible escape that a reader can question is better than an
 * invisible one, and better than removing it, which would change the file without leaving
 * a trace.
 */
final class InvisibleCharacters {

	private static final Set<String> PREFIXES = Set.of("r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt");

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	private InvisibleCharacters() {
	}

	/**
	 * Letters (category Lo) that render as nothing: valid in a Python identifier, so
	 * {@code \u3164 = 5} is code that no reader sees.
	 */
	private static final Set<Integer> HANGUL_FILLERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0);

	/**
	 * Whether a code point is escaped. Unicode's own categories rather than a list where
	 * a category says it, so that none of the kind is forgotten: the Hangul fillers, and
	 * every format character (Cf: the bidirectional controls, zero-width space and
	 * joiners, U+FEFF, the soft hyphen, the tag characters that smuggle hidden
	 * instructions to a model), the line and paragraph separators, and the control
	 * characters other than tab, line feed, carriage return and form feed (ESC and
	 * backspace rewrite what a terminal shows). Escaping one inside a string costs
	 * nothing at run time; a joiner in an emoji sequence is escaped too and reported as a
	 * warning, a small price for not guessing which joiners are innocent.
	 * @param codePoint the code point
	 * @return whether it is escaped
	 */
	static boolean invisible(int codePoint) {
		if (HANGUL_FILLERS.contains(codePoint)) {
			return true;
		}
		return switch (Character.getType(codePoint)) {
			case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
			case Character.CONTROL -> codePoint != '\t' && codePoint != '\n' && codePoint != '\r' && codePoint != '\f';
			default -> false;
		};
	}

	/**
	 * The escape of a code point, in the form Python's {@code repr} writes it:
	 * {@code \xNN} below U+0100, so that an ASCII control in a bytes literal keeps its
	 * value too, {@code \}{@code uNNNN} below U+10000, {@code \UNNNNNNNN} above.
	 * @param codePoint the code point
	 * @return its escape
	 */
	static String escape(int codePoint) {
		if (codePoint < 0x100) {
			return String.format("\\x%02x", codePoint);
		}
		if (codePoint < 0x10000) {
			return String.format("\\u%04x", codePoint);
		}
		return String.format("\\U%08x", codePoint);
	}

	/**
	 * Escapes the invisible characters of generated files.
	 * @param files the files by path
	 * @return the escaped files, in the same order, and what was escaped where
	 */
	static Escaped escape(Map<String, String> files) {
		Map<String, String> escaped = new LinkedHashMap<>();
		List<Finding> findings = new ArrayList<>();
		files.forEach((path, content) -> {
			Scan scan = new Scan(path, content);
			// A byte order mark is no character of the text: the files are handed out as
			// UTF-8, and escaped before the first line it would be a syntax error where
			// Python skipped it.
			if (content.startsWith(BYTE_ORDER_MARK)) {
				scan.skip(Place.BYTE_ORDER_MARK);
			}
			if (path.endsWith(".py")) {
				scan.python();
			}
			else {
				scan.text(Place.TEXT);
			}
			escaped.put(path, scan.escaped());
			findings.addAll(scan.findings());
		});
		return new Escaped(escaped, List.copyOf(findings));
	}

	/**
	 * The invisible characters of the user's own text: worth telling them about even when
	 * no file kept them, since something they pasted carried them.
	 * @param name what the text is, such as {@code description}
	 * @param text the text
	 * @return one finding per line that holds any
	 */
	static List<Finding> inUserText(String name, @Nullable String text) {
		if (text == null) {
			return List.of();
		}
		Scan scan = new Scan(name, text);
		scan.text(Place.USER_TEXT);
		return scan.findings();
	}

	/**
	 * Files after escaping.
	 *
	 * @param files the escaped files by path
	 * @param findings what was escaped, by file and line
	 */
	record Escaped(Map<String, String> files, List<Finding> findings) {

	}

	/**
	 * The invisible characters found on one line of one file, in one kind of place.
	 *
	 * @param file the file's path, or the name of the user's text
	 * @param line the line, from 1, the same before and after escaping
	 * @param place where on the line they were
	 * @param codePoints the code points, each once, in the order they came
	 */
	record Finding(String file, int line, Place place, List<Integer> codePoints) {

		/**
		 * Whether escaping left the file meaning something else than it was written to,
		 * or not parsing: the user has to look, so validation fails.
		 * @return whether it fails validation
		 */
		boolean changesMeaning() {
			return this.place.changesMeaning;
		}

		String codes() {
			return this.codePoints.stream()
				.map((codePoint) -> String.format("U+%04X", codePoint))
				.collect(Collectors.joining(", "));
		}

		String describe() {
			return this.file + " line " + this.line + ": " + codes() + " " + this.place.detail;
		}

	}

	/**
	 * Where an invisible character was, which decides what its escape means.
	 */
	enum Place {

		STRING(false, "in a string literal, escaped: the same text when it runs"),

		COMMENT(false, "in a comment, escaped"),

		TEXT(false, "escaped, so that a reader sees it"),

		BYTE_ORDER_MARK(false, "(a byte order mark) before the first line, removed"),

		USER_TEXT(false, "in the text you gave, escaped wherever it reached the files"),

		/**
		 * A raw literal keeps a backslash as it is, so the escape is six characters where
		 * there was one. Escaped all the same: a raw string that hides its contents from
		 * a reader is worse than one that is visibly wrong, and failing validation makes
		 * the user look.
		 */
		RAW_STRING(true, "in a raw string literal, escaped: this changes the string, check it"),

		/**
		 * Bytes literals hold ASCII only: Python rejected the character there already.
		 */
		BYTES(true, "in a bytes literal, which cannot hold it: escaped, but the bytes are not what was written"),

		/** Python rejects these characters outside literals and comments. */
		CODE(true, "outside any string or comment, where Python rejects it: escaped, the line needs fixing");

		private final boolean changesMeaning;

		private final String detail;

		Place(boolean changesMeaning, String detail) {
			this.changesMeaning = changesMeaning;
			this.detail = detail;
		}

	}

	/**
	 * A Python string literal being read.
	 *
	 * @param close the quotes that close it
	 * @param raw whether backslashes are kept as they are
	 * @param bytes whether it is a bytes literal
	 * @param formatted whether it is an f-string (or a t-string), with replacement fields
	 */
	private record Literal(String close, boolean raw, boolean bytes, boolean formatted) {

		Place place(int codePoint) {
			if (this.raw) {
				return Place.RAW_STRING;
			}
			return (this.bytes && codePoint >= 0x80) ? Place.BYTES : Place.STRING;
		}

	}

	private record Key(int line, Place place) {

	}

	/**
	 * One pass over a text, copying it with its invisible characters escaped. Python is
	 * read only as far as telling code, comments and the kinds of literal apart, with
	 * f-string replacement fields read as code (and their nested literals, Python 3.12's
	 * same quotes included, as literals).
	 */
	private static final class Scan {

		private final String file;

		private final String source;

		private final StringBuilder out;

		private final Map<Key, Set<Integer>> found = new LinkedHashMap<>();

		private int pos;

		private int line = 1;

		Scan(String file, String source) {
			this.file = file;
			this.source = source;
			this.out = new StringBuilder(source.length());
		}

		String escaped() {
			return this.out.toString();
		}

		List<Finding> findings() {
			List<Finding> findings = new ArrayList<>();
			this.found.forEach((key, codePoints) -> findings
				.add(new Finding(this.file, key.line(), key.place(), List.copyOf(codePoints))));
			return findings;
		}

		void skip(Place place) {
			note(peek(), place);
			this.pos += Character.charCount(peek());
		}

		void text(Place place) {
			while (more()) {
				take(place, false);
			}
		}

		void python() {
			code(null);
		}

		/**
		 * Python outside literals, or the expression of an f-string's replacement field
		 * up to its closing brace, format spec included.
		 */
		private void code(@Nullable Literal field) {
			int depth = 0;
			while (more()) {
				int c = peek();
				if (c == '#') {
					comment();
				}
				else if (c == '"' || c == '\'') {
					literal("");
				}
				else if (Character.isLetter(c) || c == '_') {
					word();
				}
				else if (field == null) {
					take(Place.CODE, false);
				}
				else if (c == '(' || c == '[' || c == '{') {
					depth++;
					take(Place.CODE, false);
				}
				else if (c == ')' || c == ']') {
					depth--;
					take(Place.CODE, false);
				}
				else if (c == '}') {
					take(Place.CODE, false);
					if (depth == 0) {
						return;
					}
					depth--;
				}
				else if (c == ':' && depth == 0) {
					// The format spec: text of the enclosing literal, up to the field's
					// brace.
					take(Place.CODE, false);
					body(field, true);
					if (more() && peek() == '}') {
						take(Place.CODE, false);
					}
					return;
				}
				else {
					take(Place.CODE, false);
				}
			}
		}

		private void comment() {
			while (more() && peek() != '\n' && peek() != '\r') {
				take(Place.COMMENT, false);
			}
		}

		/** A name, or the prefix of a literal such as {@code rb"..."}. */
		private void word() {
			int start = this.pos;
			while (more() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
				take(Place.CODE, false);
			}
			String word = this.source.substring(start, this.pos).toLowerCase(Locale.ROOT);
			if (more() && (peek() == '"' || peek() == '\'') && PREFIXES.contains(word)) {
				literal(word);
			}
		}

		private void literal(String prefix) {
			String quote = String.valueOf((char) peek());
			String close = this.source.startsWith(quote.repeat(3), this.pos) ? quote.repeat(3) : quote;
			copy(close.length());
			body(new Literal(close, prefix.contains("r"), prefix.contains("b"),
					prefix.contains("f") || prefix.contains("t")), false);
		}

		/**
		 * A literal's text up to and with its closing quotes or, for a format spec, up to
		 * and without the brace that closes the field.
		 */
		private void body(Literal literal, boolean formatSpec) {
			while (more()) {
				int c = peek();
				if (this.source.startsWith(literal.close(), this.pos)) {
					if (!formatSpec) {
						copy(literal.close().length());
					}
					return;
				}
				if (c == '\n' && literal.close().length() == 1) {
					// Unterminated: Python rejects it, and the next line is code again.
					return;
				}
				if (c == '\\') {
					copy(1);
					if (!literal.raw() && this.source.startsWith("N{", this.pos)) {
						// A named escape, whose braces are no replacement field.
						while (more() && peek() != '}' && peek() != '\n'
								&& !this.source.startsWith(literal.close(), this.pos)) {
							take(literal.place(peek()), false);
						}
					}
					if (more()) {
						take(literal.place(peek()), true);
					}
				}
				else if (literal.formatted() && (c == '{' || c == '}')) {
					if (this.source.startsWith((c == '{') ? "{{" : "}}", this.pos)) {
						copy(2);
					}
					else if (c == '}' && formatSpec) {
						return;
					}
					else if (c == '{') {
						copy(1);
						code(literal);
					}
					else {
						copy(1);
					}
				}
				else {
					take(literal.place(c), false);
				}
			}
		}

		/**
		 * Copies the code point at the position, escaped when it is invisible.
		 * @param place where it is
		 * @param afterBackslash whether a backslash of a string's escape sequence comes
		 * just before it: Python keeps both of an unknown escape such as
		 * {@code \}&lt;U+202E&gt;, and an escape after that backslash would be read as an
		 * escaped backslash, so one more backslash keeps the value
		 */
		private void take(Place place, boolean afterBackslash) {
			int c = peek();
			this.pos += Character.charCount(c);
			if (!invisible(c)) {
				this.out.appendCodePoint(c);
				if (c == '\n') {
					this.line++;
				}
				return;
			}
			note(c, place);
			if (afterBackslash && place == Place.STRING) {
				this.out.append('\\');
			}
			this.out.append(escape(c));
		}

		private void copy(int chars) {
			this.out.append(this.source, this.pos, this.pos + chars);
			this.pos += chars;
		}

		private void note(int codePoint, Place place) {
			this.found.computeIfAbsent(new Key(this.line, place), (key) -> new LinkedHashSet<>()).add(codePoint);
		}

		private boolean more() {
			return this.pos < this.source.length();
		}

		private int peek() {
			return this.source.codePointAt(this.pos);
		}

	}

}
