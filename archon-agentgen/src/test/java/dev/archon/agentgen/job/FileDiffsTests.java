package dev.archon.agentgen.job;

import java.util.Map;

import dev.archon.api.wire.agents.AgentDiff;
import dev.archon.api.wire.agents.AgentDiff.Change;
import dev.archon.api.wire.agents.AgentDiff.FileDiff;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FileDiffsTests {

	@Test
	void diffsAModifiedFileWithItsContext() {
		AgentDiff diff = FileDiffs.between(1, Map.of("agent.py", "import os\n\nagent = Agent('a')\nagent.run()\n"), 2,
				Map.of("agent.py", "import os\n\nagent = Agent('b')\nagent.run()\n"));

		assertThat(diff.from()).isEqualTo(1);
		assertThat(diff.to()).isEqualTo(2);
		assertThat(diff.files()).singleElement().satisfies((file) -> {
			assertThat(file.path()).isEqualTo("agent.py");
			assertThat(file.change()).isEqualTo(Change.MODIFIED);
			assertThat(file.diff()).isEqualTo("""
					--- a/agent.py
					+++ b/agent.py
					@@ -1,4 +1,4 @@
					 import os
					\s
					-agent = Agent('a')
					+agent = Agent('b')
					 agent.run()
					""");
		});
	}

	@Test
	void diffsAddedAndRemovedFilesAgainstNoFile() {
		AgentDiff diff = FileDiffs.between(1, Map.of("old.py", "x = 1\n"), 2, Map.of("new.py", "y = 2\n"));

		assertThat(diff.files()).extracting(FileDiff::path, FileDiff::change)
			.containsExactly(tuple("new.py", Change.ADDED), tuple("old.py", Change.REMOVED));
		assertThat(diff.files().get(0).diff()).startsWith("--- /dev/null\n+++ b/new.py\n").endsWith("+y = 2\n");
		assertThat(diff.files().get(1).diff()).startsWith("--- a/old.py\n+++ /dev/null\n").endsWith("-x = 1\n");
	}

	@Test
	void leavesOutFilesThatDidNotChange() {
		Map<String, String> files = Map.of("requirements.txt", "pydantic-ai\n", "agent.py", "agent = 1\n");

		assertThat(FileDiffs.between(1, files, 2, files).files()).isEmpty();
	}

}
