package dev.archon.vector.pages;

import java.util.HashMap;
import java.util.Map;

import dev.archon.test.RealServices;
import dev.archon.vector.VectorApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A model of another dimension than the column's stops the service at start.
 */
class DimensionCheckIntegrationTests {

	@Test
	void refusesToStartWhenTheModelsDimensionDiffersFromTheColumns() {
		Map<String, Object> properties = new HashMap<>(RealServices.get().springProperties());
		// The schema is (or gets) created with 384 dimensions; the configured remote
		// model
		// makes 1536. It is never called: the check runs before any embedding.
		properties.put("spring.flyway.placeholders.dimension", "384");
		properties.put("archon.vector.embedding.provider", "openai");
		properties.put("archon.vector.embedding.dimension", "1536");
		properties.put("archon.vector.embedding.openai.base-url", "http://localhost:9");
		properties.put("server.port", "0");
		properties.put("management.server.port", "0");
		assertThatException()
			.isThrownBy(
					() -> new SpringApplicationBuilder(VectorApplication.class).properties(properties).run().close())
			.havingRootCause()
			.isInstanceOf(DimensionMismatch.class)
			.withMessageContaining("makes 1536-dimensional vectors but site_pages.embedding is vector(384)");
	}

}
