package dev.archon.api.wire.agents;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What changed between two versions, file by file: {@code GET
 * /api/v1/agents/{id}/diff?from=1&to=2}. JSON rather than one {@code text/x-diff}
 * document, so that a client lists the changed files, and renders each one's diff,
 * without parsing diff headers; each {@code diff} is still a unified diff that
 * {@code patch} applies.
 *
 * @param from the version compared from
 * @param to the version compared to
 * @param files the files that differ, by path; unchanged files are left out
 */
public record AgentDiff(int from, int to, List<FileDiff> files) {

	/**
	 * How one file differs.
	 *
	 * @param path the file
	 * @param change whether it was added, removed or modified
	 * @param diff its unified diff, with three lines of context
	 */
	public record FileDiff(String path, Change change, String diff) {

	}

	/**
	 * What happened to a file between the two versions.
	 */
	public enum Change {

		ADDED, REMOVED, MODIFIED;

		@JsonValue
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
