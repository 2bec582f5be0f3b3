package dev.archon.vector.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexStateTests {

	@Test
	void defaultProbesAreTheSquareRootOfTheListsRoundedUp() {
		assertThat(new IndexState("i", "ivfflat", 100, 100_000, "vector_cosine_ops").defaultProbes(0)).isEqualTo(10);
		assertThat(new IndexState("i", "ivfflat", 101, 101_000, "vector_cosine_ops").defaultProbes(0)).isEqualTo(11);
		assertThat(new IndexState("i", "ivfflat", 1, 1_000, "vector_cosine_ops").defaultProbes(0)).isEqualTo(1);
	}

	@Test
	void configuredProbesNeverExceedTheLists() {
		assertThat(new IndexState("i", "ivfflat", 20, 20_000, "vector_cosine_ops").defaultProbes(50)).isEqualTo(20);
		assertThat(new IndexState("i", "ivfflat", 100, 100_000, "vector_cosine_ops").defaultProbes(4)).isEqualTo(4);
	}

}
