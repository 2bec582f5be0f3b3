package dev.archon.vector.crawl;

import dev.archon.vector.VectorProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The crawler's SSRF guard and its fetcher, built on Boot's {@link RestClient.Builder} so
 * that its requests are observed like every other client's.
 */
@Configuration(proxyBeanMethods = false)
class CrawlConfiguration {

	@Bean
	UrlGuard urlGuard(VectorProperties properties) {
		return new UrlGuard(properties.crawl().allowedHosts());
	}

	@Bean
	Fetcher fetcher(RestClient.Builder builder, UrlGuard guard, VectorProperties properties) {
		VectorProperties.Crawl crawl = properties.crawl();
		return new Fetcher(builder, guard,
				FetchRetries.of(crawl.retries(), crawl.retryBackoff(), crawl.maxRetryAfter()), crawl.timeout(),
				crawl.userAgent(), crawl.maxBodySize(), crawl.robotsTtl());
	}

}
