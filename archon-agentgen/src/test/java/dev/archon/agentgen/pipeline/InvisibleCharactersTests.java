package dev.archon.agentgen.pipeline;

import java.util.List;
import java.util.Map;

import dev.archon.agentgen.pipeline.InvisibleCharacters.Escaped;
import dev.archon.agentgen.pipeline.InvisibleCharacters.Finding;
import dev.archon.agentgen.pipeline.InvisibleCharacters.Place;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Escaping the characters of "Trojan Source" (CVE-2021-42574) and their kin, with Python
 * itself as the judge of what an escaped literal means.
 */
class InvisibleCharactersTests {

	/** Bidirectional controls, separators, zero-width and other format characters. */
	private static final String TROJAN = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C"
			+ "\u2028\u2029\u200B\u200C\u200D\u2060\uFEFF\u00AD\u001B\u0008\u007F" + "\uDB40\uDC41";

	@Test
	void treatsTheTrojanSourceCharactersAndTheirKinAsInvisible() {
		assertThat(TROJAN.codePoints().boxed().toList()).allMatch(InvisibleCharacters::invisible);
		assertThat("a \u00e9\u4e2d\u00a0\t\n\r\f\"\\{}".codePoints().boxed().toList())
			.noneMatch(InvisibleCharacters::invisible);
		assertThat(InvisibleCharacters.invisible(0x1F600)).isFalse();
	}

	@Test
	void treatsTheLettersThatRenderAsNothingAsInvisible() {
		// Valid in a Python identifier: "\u3164 = 5" is an assignment no reader sees.
		assertThat(List.of(0x115F, 0x1160, 0x3164, 0xFFA0)).allMatch(InvisibleCharacters::invisible);
	}

	@Test
	void escapesStringLiteralsToTheSameTextAtRunTime() {
		String source = "A = \"x" + TROJAN + "y\"\n" + "B = '''\n" + TROJAN + "\n'''\n" + "name = 'n'\n"
				+ "C = f\"{name}" + TROJAN + "{{}}\"\n" + "D = b\"\u001B\\x00\"\n";
		Escaped escaped = escapeAgentPy(source);
		String agent = escaped.files().get("agent.py");
		assertThat(agent.codePoints().boxed().toList()).allMatch((codePoint) -> codePoint < 0x80);
		assertThat(agent).contains("\\u202e", "\\u2066", "\\u2069", "\\u2028", "\\xad", "\\x1b", "\\U000e0041");
		assertThat(PythonValues.of(agent)).isEqualTo(PythonValues.of(source));
		assertThat(escaped.findings()).extracting(Finding::place).containsOnly(Place.STRING);
		assertThat(escaped.findings()).noneMatch(Finding::changesMeaning);
	}

	@Test
	void keepsTheBackslashOfAnUnknownEscapeBeforeTheCharacter() {
		String source = "A = \"\\\u202E\"\nB = \"\\\\\u202E\"\nC = b\"\\\u001B\"\n";
		String agent = escapeAgentPy(source).files().get("agent.py");
		assertThat(PythonValues.of(agent)).isEqualTo(PythonValues.of(source));
	}

	@Test
	void reportsEachLineWithItsCodePointsOnceAndWhereTheyWere() {
		String source = "# read me\u2028evil()\nx = 1\nA = \"\u202E\u2066\u202E\" + \"\u2066\"  # \u2069\n";
		assertThat(escapeAgentPy(source).findings()).containsExactly(
				new Finding("agent.py", 1, Place.COMMENT, List.of(0x2028)),
				new Finding("agent.py", 3, Place.STRING, List.of(0x202E, 0x2066)),
				new Finding("agent.py", 3, Place.COMMENT, List.of(0x2069)));
	}

	@Test
	void flagsAnEscapeInARawStringAsChangingTheString() {
		Escaped escaped = escapeAgentPy("A = r\"\\d+\u202E\"\nB = Rb'\u2066'\nC = rf\"{1}\u2069\"\n");
		assertThat(escaped.files().get("agent.py"))
			.isEqualTo("A = r\"\\d+\\u202e\"\nB = Rb'\\u2066'\nC = rf\"{1}\\u2069\"\n");
		assertThat(escaped.findings()).extracting(Finding::line, Finding::place)
			.containsExactly(tuple(1, Place.RAW_STRING), tuple(2, Place.RAW_STRING), tuple(3, Place.RAW_STRING));
		assertThat(escaped.findings()).allMatch(Finding::changesMeaning);
	}

	@Test
	void flagsCharactersThatPythonRejectedAlready() {
		Escaped escaped = escapeAgentPy("x = 1\u202E\nB = b\"\u2066\"\n");
		assertThat(escaped.findings()).extracting(Finding::place).containsExactly(Place.CODE, Place.BYTES);
		assertThat(escaped.findings()).allMatch(Finding::changesMeaning);
	}

	@Test
	void readsFStringFieldsAsCodeWithTheirOwnLiterals() {
		String source = "d = {'\u2067': 'v'}\nx = 5\nA = f\"{d['\u2067']}\u202E{x:\u2066>3}{r'\u2069'}\"\n";
		Escaped escaped = escapeAgentPy(source);
		assertThat(escaped.findings()).containsExactly(new Finding("agent.py", 1, Place.STRING, List.of(0x2067)),
				new Finding("agent.py", 3, Place.STRING, List.of(0x2067, 0x202E, 0x2066)),
				new Finding("agent.py", 3, Place.RAW_STRING, List.of(0x2069)));
	}

	@Test
	void escapesOtherFilesAsTextAndRemovesALeadingByteOrderMark() {
		Escaped escaped = InvisibleCharacters
			.escape(Map.of(".env.example", "\uFEFF# Key\u202E\nAPI_KEY=\n", "agent_prompts.py", "\uFEFFA = 'a'\n"));
		assertThat(escaped.files()).containsEntry(".env.example", "# Key\\u202e\nAPI_KEY=\n")
			.containsEntry("agent_prompts.py", "A = 'a'\n");
		assertThat(escaped.findings()).contains(new Finding(".env.example", 1, Place.TEXT, List.of(0x202E)),
				new Finding("agent_prompts.py", 1, Place.BYTE_ORDER_MARK, List.of(0xFEFF)));
	}

	@Test
	void findsNothingMoreInFilesItEscaped() {
		Escaped once = escapeAgentPy("A = \"\\\u202E\u2028\" # \u2066\nB = r'\u2069'\n");
		Escaped twice = InvisibleCharacters.escape(once.files());
		assertThat(twice.files()).isEqualTo(once.files());
		assertThat(twice.findings()).isEmpty();
	}

	@Test
	void findsTheCharactersOfTheUsersOwnText() {
		assertThat(InvisibleCharacters.inUserText("description", "Greet\nme \u202Enicely\u2069"))
			.containsExactly(new Finding("description", 2, Place.USER_TEXT, List.of(0x202E, 0x2069)));
		assertThat(InvisibleCharacters.inUserText("feedback", null)).isEmpty();
	}

	private static Escaped escapeAgentPy(String source) {
		return InvisibleCharacters.escape(Map.of("agent.py", source));
	}

}
