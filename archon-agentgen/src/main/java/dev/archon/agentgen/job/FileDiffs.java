package dev.archon.agentgen.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.archon.api.wire.agents.AgentDiff;
import dev.archon.api.wire.agents.AgentDiff.Change;
import dev.archon.api.wire.agents.AgentDiff.FileDiff;
import org.jspecify.annotations.Nullable;

/**
 * Unified diffs between the files of two versions, file by file, with the
 * {@code a/}/{@code b/} prefixes that {@code git apply} and {@code patch -p1} expect.
 */
final class FileDiffs {

	private static final int CONTEXT_LINES = 3;

	private static final String NO_FILE = "/dev/null";

	private FileDiffs() {
	}

	/**
	 * Compares two versions' files.
	 * @param from the version compared from
	 * @param fromFiles its files, by path
	 * @param to the version compared to
	 * @param toFiles its files, by path
	 * @return the files that differ, in path order
	 */
	static AgentDiff between(int from, Map<String, String> fromFiles, int to, Map<String, String> toFiles) {
		TreeSet<String> paths = new TreeSet<>(fromFiles.keySet());
		paths.addAll(toFiles.keySet());
		List<FileDiff> diffs = new ArrayList<>();
		for (String path : paths) {
			String before = fromFiles.get(path);
			String after = toFiles.get(path);
			if (before != null && before.equals(after)) {
				continue;
			}
			Change change = (before == null) ? Change.ADDED : (after == null) ? Change.REMOVED : Change.MODIFIED;
			diffs.add(new FileDiff(path, change, unified(path, before, after)));
		}
		return new AgentDiff(from, to, diffs);
	}

	private static String unified(String path, @Nullable String before, @Nullable String after) {
		List<String> beforeLines = lines(before);
		List<String> afterLines = lines(after);
		Patch<String> patch = DiffUtils.diff(beforeLines, afterLines);
		List<String> diff = UnifiedDiffUtils.generateUnifiedDiff((before != null) ? "a/" + path : NO_FILE,
				(after != null) ? "b/" + path : NO_FILE, beforeLines, patch, CONTEXT_LINES);
		return String.join("\n", diff) + "\n";
	}

	private static List<String> lines(@Nullable String text) {
		return (text != null) ? text.lines().toList() : List.of();
	}

}
