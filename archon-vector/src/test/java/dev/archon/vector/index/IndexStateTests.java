package dev.archon.vector.index;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.archon.vector.VectorProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class IndexStateTests {

	private static final VectorProperties.Index MEASURED = settings(Map.of());

	@Test
	void probesAreTheSquareRootOfTheListsRoundedUpUntilTheRecallIsMeasured() {
		assertThat(ivfflat(100, null).searchSetting(MEASURED)).isEqualTo(10);
		assertThat(ivfflat(101, null).searchSetting(MEASURED)).isEqualTo(11);
		assertThat(ivfflat(1, null).searchSetting(MEASURED)).isEqualTo(1);
	}

	@Test
	void probesAreTheFewestWhoseMeasuredRecallReachesTheTarget() {
		RecallCurve curve = new RecallCurve(0.98, List.of(new RecallCurve.Point(1, 0.71),
				new RecallCurve.Point(2, 0.93), new RecallCurve.Point(3, 0.981)));
		assertThat(ivfflat(100, curve).searchSetting(MEASURED)).isEqualTo(3);
	}

	@Test
	void probesAreTheMostMeasuredWhenNoneReachesTheTarget() {
		RecallCurve curve = new RecallCurve(0.99,
				List.of(new RecallCurve.Point(1, 0.71), new RecallCurve.Point(2, 0.93)));
		assertThat(ivfflat(2, curve).searchSetting(MEASURED)).isEqualTo(2);
	}

	@Test
	void configuredProbesWinOverTheMeasuredOnesAndNeverExceedTheLists() {
		RecallCurve curve = new RecallCurve(0.98, List.of(new RecallCurve.Point(2, 0.99)));
		assertThat(ivfflat(20, curve).searchSetting(settings(Map.of("index.probes", "50")))).isEqualTo(20);
		assertThat(ivfflat(100, curve).searchSetting(settings(Map.of("index.probes", "4")))).isEqualTo(4);
		assertThat(ivfflat(100, curve).candidateSettings(settings(Map.of("index.probes", "4")))).containsExactly(4);
	}

	@Test
	void efSearchIsPgvectorsDefaultUntilTheRecallIsMeasured() {
		IndexState hnsw = new IndexState("i", "hnsw", 0, 100_000, "vector_ip_ops", null);
		assertThat(hnsw.parameter()).isEqualTo("hnsw.ef_search");
		assertThat(hnsw.searchSetting(MEASURED)).isEqualTo(40);
	}

	@Test
	void candidateProbesGrowByAboutAQuarterUpToAllLists() {
		assertThat(ivfflat(20, null).candidateSettings(MEASURED)).containsExactly(1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20);
	}

	@Test
	void candidateEfSearchStartsAtTheTopTenAndStopsAtPgvectorsBound() {
		List<Integer> candidates = new IndexState("i", "hnsw", 0, 100_000, "vector_ip_ops", null)
			.candidateSettings(MEASURED);
		assertThat(candidates.getFirst()).isEqualTo(10);
		assertThat(candidates.getLast()).isEqualTo(1000);
		assertThat(candidates).isSorted().doesNotHaveDuplicates();
	}

	private static IndexState ivfflat(int lists, @Nullable RecallCurve curve) {
		return new IndexState("i", "ivfflat", lists, lists * 1000L, "vector_ip_ops", curve);
	}

	private static VectorProperties.Index settings(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("index",
				VectorProperties.Index.class);
	}

}
