package dev.archon.vector.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.pgvector.PGvector;
import dev.archon.api.wire.vector.IndexSummary;
import dev.archon.api.wire.vector.SearchRequest;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import dev.archon.vector.VectorApplication;
import dev.archon.vector.index.IndexState;
import dev.archon.vector.index.Indexes;
import dev.archon.vector.index.RecallCurve;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On clustered vectors, each cluster spread over several ivfflat lists so that recall
 * grows with the probes, the probes chosen from the recall curve reach the target recall
 * on queries the service never saw, measured here with SQL of the test's own.
 */
@SpringBootTest(classes = VectorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "management.server.port=0",
				"archon.vector.index.check-interval=1h", "archon.vector.index.min-rows=100000000",
				"archon.vector.index.lists=" + RecallTuningIntegrationTests.LISTS,
				"archon.vector.index.target-recall=" + RecallTuningIntegrationTests.TARGET,
				"archon.vector.index.recall-samples=" + RecallTuningIntegrationTests.QUERIES })
@UsesRealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecallTuningIntegrationTests {

	static final int LISTS = 20;

	static final double TARGET = 0.98;

	private static final int ROWS = 10_000;

	private static final int CLUSTERS = 5;

	private static final int DIMENSION = 384;

	// Per dimension: the noise is about as long as the unit center, so that a cluster
	// is wide enough for several lists.
	private static final double SIGMA = 0.05;

	static final int QUERIES = 400;

	// Both the service's recall and the test's are estimates from QUERIES queries, each
	// with a standard error of about 0.003 near the target.
	private static final double SAMPLING_ERROR = 0.01;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Indexes indexes;

	@Autowired
	RecallTuning tuning;

	@Autowired
	Search search;

	private final Random random = new Random(42);

	private final List<float[]> centers = new ArrayList<>();

	IndexState index;

	@BeforeAll
	void loadClustersAndBuildTheIndex() {
		for (int c = 0; c < CLUSTERS; c++) {
			this.centers.add(normalized(gaussian(1.0 / Math.sqrt(DIMENSION))));
		}
		this.jdbc.sql("DELETE FROM site_pages").update();
		List<Object[]> rows = new ArrayList<>();
		for (int n = 0; n < ROWS; n++) {
			rows.add(new Object[] { "https://clusters.test/" + n, new PGvector(point()) });
		}
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO site_pages (source, url, chunk_number, title, summary, content, embedding)
				VALUES ('clusters', ?, 0, 't', 's', 'c', ?)
				""", rows);
		// Another instance's build may hold the lock for a moment: build until ours is
		// in.
		this.index = await().atMost(Duration.ofMinutes(2))
			.until(() -> this.indexes.build(true, "ivfflat", "ip"),
					(built) -> built != null && built.rows() == ROWS && built.recall() != null);
	}

	@Test
	void chosenProbesReachTheTargetRecallOnUnseenQueries() {
		RecallCurve curve = this.index.recall();
		assertThat(curve).isNotNull();
		int probes = curve.chosen().setting();
		assertThat(curve.chosen().recall()).isGreaterThanOrEqualTo(TARGET);
		// Fewer than all lists, or the index would be no faster than a scan.
		assertThat(probes).isLessThan(LISTS);
		assertThat(measuredRecall(probes)).isGreaterThanOrEqualTo(TARGET - SAMPLING_ERROR);
	}

	@Test
	void lowerTargetPicksFewerProbes() {
		RecallCurve lower = this.tuning.measure(this.index, 0.7);
		assertThat(lower.chosen().setting()).isLessThan(this.index.recall().chosen().setting());
		assertThat(lower.chosen().recall()).isGreaterThanOrEqualTo(0.7);
	}

	@Test
	void searchesUseTheChosenProbes() {
		Search.Plan plan = this.search.plan(new SearchRequest("anything", null, 10, null, null));
		assertThat(plan.path()).isEqualTo("index");
		assertThat(plan.setting()).isEqualTo(this.index.recall().chosen().setting());
	}

	@Test
	void listsTheIndexWithItsRecallCurve() {
		List<IndexSummary> listed = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestSecrets.API_KEY)
			.build()
			.get()
			.uri("/api/v1/vector/indexes")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		RecallCurve curve = this.index.recall();
		assertThat(listed).singleElement().satisfies((summary) -> {
			assertThat(summary.name()).isEqualTo(this.index.name());
			assertThat(summary.parameter()).isEqualTo("ivfflat.probes");
			assertThat(summary.setting()).isEqualTo(curve.chosen().setting());
			assertThat(summary.targetRecall()).isEqualTo(TARGET);
			assertThat(summary.recall()).isEqualTo(curve.chosen().recall());
			assertThat(summary.recallCurve()).extracting(IndexSummary.RecallPoint::setting)
				.containsExactlyElementsOf(curve.points().stream().map(RecallCurve.Point::setting).toList());
		});
	}

	// Recall@10 of fresh queries from the same clusters at the given probes against the
	// exact top 10, both with the test's own SQL.
	private double measuredRecall(int probes) {
		Random queries = new Random(7);
		int found = 0;
		for (int q = 0; q < QUERIES; q++) {
			float[] query = point(queries);
			Set<Long> exact = new HashSet<>(top10(query, "SET LOCAL enable_indexscan = off"));
			found += (int) top10(query, "SET LOCAL ivfflat.probes = " + probes).stream()
				.filter(exact::contains)
				.count();
		}
		return (double) found / (QUERIES * 10);
	}

	private List<Long> top10(float[] query, String setting) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		return transaction.execute((status) -> {
			this.jdbc.sql(setting).update();
			// Planned afresh with the setting, never from a plan the connection cached
			// for the same statement under the other setting.
			this.jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
			return this.jdbc.sql("SELECT id FROM site_pages ORDER BY embedding <#> :query LIMIT 10")
				.param("query", new PGvector(query))
				.query(Long.class)
				.list();
		});
	}

	private float[] point() {
		return point(this.random);
	}

	private float[] point(Random random) {
		float[] center = this.centers.get(random.nextInt(CLUSTERS));
		float[] noise = gaussian(random, SIGMA);
		for (int i = 0; i < DIMENSION; i++) {
			noise[i] += center[i];
		}
		return normalized(noise);
	}

	private float[] gaussian(double sigma) {
		return gaussian(this.random, sigma);
	}

	private static float[] gaussian(Random random, double sigma) {
		float[] vector = new float[DIMENSION];
		for (int i = 0; i < DIMENSION; i++) {
			vector[i] = (float) (random.nextGaussian() * sigma);
		}
		return vector;
	}

	private static float[] normalized(float[] vector) {
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		float scale = (float) (1 / Math.sqrt(norm));
		for (int i = 0; i < vector.length; i++) {
			vector[i] *= scale;
		}
		return vector;
	}

}
