package dev.archon.vector.web;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.archon.api.config.ArchonApiAutoConfiguration;
import dev.archon.vector.VectorProperties;
import dev.archon.vector.crawl.Crawler;
import dev.archon.vector.embed.Embedder;
import dev.archon.vector.index.Indexes;
import dev.archon.vector.ingest.Ingestion;
import dev.archon.vector.pages.Corpus;
import dev.archon.vector.pages.Pages;
import dev.archon.vector.search.Search;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * The service's domain failures reach clients as problems of the catalogue, each naming
 * what it is about, never as an empty body.
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@ImportAutoConfiguration({ ArchonApiAutoConfiguration.class, RestClientAutoConfiguration.class })
@EnableConfigurationProperties(VectorProperties.class)
class VectorProblemsTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Pages pages;

	@MockitoBean
	Corpus corpus;

	@MockitoBean
	Crawler crawler;

	@MockitoBean
	Indexes indexes;

	// The other controllers' collaborators, so that the web slice starts.
	@MockitoBean
	Embedder embedder;

	@MockitoBean
	Ingestion ingestion;

	@MockitoBean
	Search search;

	@Test
	void answersAMissingPageWithANotFoundProblemNamingItsUrl() {
		given(this.pages.chunks("https://example.test/missing")).willReturn(List.of());
		assertThat(this.mvc.get().uri("/api/v1/vector/pages/content?url=https://example.test/missing")).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.type", (type) -> type.assertThat().isEqualTo("https://archon.dev/problems/not-found"))
			.hasPathSatisfying("$.url", (url) -> url.assertThat().isEqualTo("https://example.test/missing"));
	}

	@Test
	void answersAnUnknownSourceWithANotFoundProblemNamingIt() {
		given(this.pages.deleteSource("gone")).willReturn(0);
		assertThat(this.mvc.delete().uri("/api/v1/vector/sources/gone")).hasStatus(404)
			.bodyJson()
			.hasPathSatisfying("$.source", (source) -> source.assertThat().isEqualTo("gone"));
	}

	@Test
	void answersAnUnknownCrawlWithANotFoundProblemNamingItsId() {
		UUID id = UUID.randomUUID();
		assertThat(this.mvc.get().uri("/api/v1/vector/crawls/{id}", id)).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.crawlId", (crawlId) -> crawlId.assertThat().isEqualTo(id.toString()));
	}

	@Test
	void refusesACrawlThatNamesTwoWaysToFindItsPages() {
		assertThat(this.mvc.post().uri("/api/v1/vector/crawls").contentType(MediaType.APPLICATION_JSON).content("""
				{"source": "s", "sitemapUrl": "https://example.test/sitemap.xml",
				 "urls": ["https://example.test/a"]}
				""")).hasStatus(400)
			.bodyJson()
			.hasPathSatisfying("$.type",
					(type) -> type.assertThat().isEqualTo("https://archon.dev/problems/validation"))
			.hasPathSatisfying("$.detail", (detail) -> detail.assertThat().asString().contains("exactly one of"));
	}

	@Test
	void answersAReindexOfAnEmptyTableWithAConflict() {
		given(this.indexes.build(anyBoolean(), anyString(), anyString())).willReturn(null);
		assertThat(this.mvc.post().uri("/api/v1/vector/reindex?type=ivfflat&opclass=ip")).hasStatus(409)
			.bodyJson()
			.hasPathSatisfying("$.type", (type) -> type.assertThat().isEqualTo("https://archon.dev/problems/conflict"));
	}

	@Test
	void refusesAnUnknownIndexTypeNamingTheParameter() {
		assertThat(this.mvc.post().uri("/api/v1/vector/reindex?type=btree")).hasStatus(400)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", (field) -> field.assertThat().isEqualTo("type"));
	}

}
