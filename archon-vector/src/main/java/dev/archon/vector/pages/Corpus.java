package dev.archon.vector.pages;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The corpus version: every ingestion and deletion bumps it in PostgreSQL, and every
 * instance reads it each second, so that result caches keyed by it forget old results on
 * all instances within a second of a change, without a query per search.
 */
@Component
public class Corpus {

	private final JdbcClient jdbc;

	private final AtomicLong version = new AtomicLong(-1);

	Corpus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The version this instance last saw.
	 * @return the version
	 */
	public long version() {
		long current = this.version.get();
		return (current >= 0) ? current : refresh();
	}

	/**
	 * Marks the corpus changed.
	 */
	public void bump() {
		long bumped = this.jdbc
			.sql("UPDATE vector_state SET corpus_version = corpus_version + 1 RETURNING corpus_version")
			.query(Long.class)
			.single();
		this.version.accumulateAndGet(bumped, Math::max);
	}

	@Scheduled(fixedDelay = 1000)
	long refresh() {
		long current = this.jdbc.sql("SELECT corpus_version FROM vector_state").query(Long.class).single();
		this.version.set(current);
		return current;
	}

}
