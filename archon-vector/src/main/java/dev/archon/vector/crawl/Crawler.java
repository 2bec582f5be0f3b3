package dev.archon.vector.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.archon.api.lease.LeaseKeeper;
import dev.archon.vector.VectorProperties;
import dev.archon.vector.ingest.Document;
import dev.archon.vector.ingest.Ingestion;
import dev.archon.vector.ingest.IngestionReport;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Accepts crawls and runs them in the background. A crawl is a row in PostgreSQL; an
 * instance claims it with a lease that it renews while it works, so when the instance
 * dies its crawl is claimed again by another one, which continues with the URLs not yet
 * done. Each instance runs one crawl at a time, fetching a bounded number of pages at
 * once.
 */
@Service
public class Crawler implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Crawler.class);

	private final Crawls crawls;

	private final Ingestion ingestion;

	private final UrlGuard guard;

	private final Fetcher fetcher;

	private final VectorProperties.Crawl settings;

	private final String owner;

	private final AtomicBoolean busy = new AtomicBoolean();

	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	private final LeaseKeeper leases;

	Crawler(Crawls crawls, Ingestion ingestion, UrlGuard guard, Fetcher fetcher, VectorProperties properties,
			@Value("${archon.api.instance:vector}") String instance) {
		this.crawls = crawls;
		this.ingestion = ingestion;
		this.settings = properties.crawl();
		this.guard = guard;
		this.fetcher = fetcher;
		this.owner = instance + "-" + UUID.randomUUID();
		this.leases = new LeaseKeeper("crawls", this.settings.lease(), crawls::renew);
	}

	/**
	 * Accepts a crawl.
	 * @param source the source to ingest into
	 * @param sitemap a sitemap to discover pages from
	 * @param llmsTxt an llms.txt to discover pages from
	 * @param urls the pages, when given directly
	 * @param maxPages the most pages to fetch, or the configured default
	 * @return the crawl's id
	 * @throws UrlRefused when a given URL may not be fetched
	 */
	public UUID accept(String source, @Nullable URI sitemap, @Nullable URI llmsTxt, List<URI> urls,
			@Nullable Integer maxPages) {
		int max = (maxPages != null) ? Math.min(maxPages, this.settings.maxPages()) : this.settings.maxPages();
		if (sitemap != null) {
			this.guard.check(sitemap);
		}
		if (llmsTxt != null) {
			this.guard.check(llmsTxt);
		}
		urls.forEach(this.guard::check);
		UUID id = UUID.randomUUID();
		this.crawls.create(id, source, sitemap, llmsTxt, urls.subList(0, Math.min(max, urls.size())), max);
		this.workers.submit(this::poll);
		return id;
	}

	/**
	 * Where a crawl stands.
	 * @param id the crawl
	 * @return its status, or {@code null} when unknown
	 */
	public @Nullable CrawlStatus status(UUID id) {
		return this.crawls.status(id).orElse(null);
	}

	@Scheduled(fixedDelay = 2000, initialDelay = 2000)
	void poll() {
		if (!this.busy.compareAndSet(false, true)) {
			return;
		}
		try {
			this.crawls.claim(this.owner, this.settings.lease()).ifPresent(this::run);
		}
		catch (RuntimeException ex) {
			logger.warn("Crawl worker failed: {}", ex.getMessage());
		}
		finally {
			this.busy.set(false);
		}
	}

	private void run(Crawls.Claimed crawl) {
		// Once the lease is lost another instance continues the crawl; this one may
		// finish
		// the pages it is fetching, but its finish() no longer matches the owner.
		try (LeaseKeeper.Held lease = this.leases.hold(crawl.id(), this.owner, () -> {
		})) {
			if (!crawl.discovered()) {
				List<URI> found = (crawl.sitemap() != null)
						? Discovery.fromSitemap(this.fetcher, crawl.sitemap(), crawl.maxPages())
						: Discovery.fromLlmsTxt(this.fetcher, crawl.llmsTxt(), crawl.maxPages());
				this.crawls.addUrls(crawl.id(), found);
				this.crawls.discovered(crawl.id());
			}
			Semaphore permits = new Semaphore(this.settings.concurrency());
			List<Thread> threads = new ArrayList<>();
			for (URI url : this.crawls.pending(crawl.id())) {
				permits.acquireUninterruptibly();
				threads.add(Thread.ofVirtual().start(() -> {
					try {
						crawlOne(crawl, url);
					}
					finally {
						permits.release();
					}
				}));
			}
			for (Thread thread : threads) {
				thread.join();
			}
			this.crawls.finish(crawl.id(), this.owner, "done", null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.warn("Crawl {} failed: {}", crawl.id(), ex.getMessage());
			this.crawls.finish(crawl.id(), this.owner, "failed", ex.getMessage());
		}
	}

	private void crawlOne(Crawls.Claimed crawl, URI url) {
		try {
			Fetcher.Page page = this.fetcher.fetch(url);
			Markdown.Converted converted = Markdown.of(page);
			IngestionReport report = this.ingestion.ingest(crawl.source(), List.of(new Document(url.toString(),
					converted.title(), converted.markdown(), Map.of("crawl", crawl.id().toString()))));
			this.crawls.outcome(crawl.id(), url, "done", 1, report.chunks(), null);
		}
		catch (UrlRefused ex) {
			this.crawls.outcome(crawl.id(), url, "skipped", 0, null, ex.getMessage());
		}
		catch (RuntimeException ex) {
			this.crawls.outcome(crawl.id(), url, "failed", 1 + this.settings.retries(), null, ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.workers.shutdownNow();
		this.leases.close();
	}

}
