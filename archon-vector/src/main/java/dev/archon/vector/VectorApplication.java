package dev.archon.vector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The documentation store: ingestion (crawl, chunk, embed) and pgvector semantic search.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VectorApplication {

	public static void main(String[] args) {
		SpringApplication.run(VectorApplication.class, args);
	}

}
