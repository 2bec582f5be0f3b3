package dev.archon.vector.pages;

import dev.archon.vector.embed.Embedder;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the configured model's dimension differs from the column's.
 * pgvector keeps a {@code vector(n)} column's dimension in {@code atttypmod}.
 */
@Component
class DimensionCheck implements InitializingBean {

	private final JdbcClient jdbc;

	private final Embedder embedder;

	DimensionCheck(JdbcClient jdbc, Embedder embedder) {
		this.jdbc = jdbc;
		this.embedder = embedder;
	}

	@Override
	public void afterPropertiesSet() {
		ColumnType column = this.jdbc.sql("""
				SELECT atttypmod AS dimension, format_type(atttypid, atttypmod) AS type
				FROM pg_attribute
				WHERE attrelid = 'site_pages'::regclass AND attname = 'embedding'
				""").query(ColumnType.class).single();
		if (column.dimension() != this.embedder.dimension()) {
			throw new DimensionMismatch(this.embedder.model(), this.embedder.dimension(), column.type());
		}
	}

	record ColumnType(int dimension, String type) {

	}

}
