package dev.archon.vector.crawl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.archon.vector.crawl.Fetcher.FetchFailed;
import dev.archon.vector.crawl.Fetcher.Page;

/**
 * What the robots.txt of each origin (scheme, host and port, as RFC 9309 scopes it)
 * allows the crawler, read by crawler-commons and kept for a while so that a crawl asks
 * for it once rather than before every page.
 */
final class Robots {

	private static final Logger logger = LoggerFactory.getLogger(Robots.class);

	/**
	 * RFC 9309 groups are named by a product token, the user agent's leading letters,
	 * underscores and hyphens, without the version and comments that follow.
	 */
	private static final Pattern PRODUCT_TOKEN = Pattern.compile("^[A-Za-z_-]+");

	private static final int SERVICE_UNAVAILABLE = 503;

	private static final int TOO_MANY_REQUESTS = 429;

	/**
	 * How long a robots.txt that could not be read keeps its site closed: a moment's 503
	 * should not stop a crawl for the whole time that rules read are kept.
	 */
	static final Duration UNAVAILABLE_FOR = Duration.ofMinutes(1);

	/** Origins whose rules are kept at once; the least recently used go first. */
	private static final int MAX_ORIGINS = 10_000;

	private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

	private final List<String> names;

	private final Function<URI, Page> robotsTxt;

	private final Duration unavailableFor;

	private final LoadingCache<String, Rules> rules;

	/**
	 * Creates the rules of a crawler.
	 * @param userAgent what the crawler calls itself
	 * @param ttl how long the rules of an origin are used before its robots.txt is
	 * fetched again
	 * @param ticker the clock of that expiry
	 * @param robotsTxt fetches a robots.txt, throwing {@link FetchFailed} when there is
	 * none to read
	 */
	Robots(String userAgent, Duration ttl, Ticker ticker, Function<URI, Page> robotsTxt) {
		Matcher token = PRODUCT_TOKEN.matcher(userAgent);
		// crawler-commons compares the names with lower-cased User-agent lines.
		this.names = token.find() ? List.of(token.group().toLowerCase(Locale.ROOT)) : List.of();
		this.robotsTxt = robotsTxt;
		this.unavailableFor = (ttl.compareTo(UNAVAILABLE_FOR) < 0) ? ttl : UNAVAILABLE_FOR;
		this.rules = Caffeine.newBuilder()
			.maximumSize(MAX_ORIGINS)
			.expireAfter(Expiry.<String, Rules>creating((origin, rules) -> rules.read() ? ttl : this.unavailableFor))
			.ticker(ticker)
			.build(this::load);
	}

	/**
	 * Whether the robots.txt of the URL's origin allows the crawler to fetch it.
	 * @param uri an absolute http or https URL
	 * @return whether it may be fetched
	 * @throws UrlRefused when a redirect of the robots.txt leads where the crawler may
	 * not go
	 */
	boolean allows(URI uri) {
		return this.rules.get(uri.getScheme() + "://" + uri.getRawAuthority()).rules().isAllowed(uri.toString());
	}

	private Rules load(String origin) {
		URI location = URI.create(origin + "/robots.txt");
		Page page;
		try {
			page = this.robotsTxt.apply(location);
		}
		catch (FetchFailed ex) {
			return unavailable(location, ex);
		}
		return new Rules(this.parser.parseContent(page.uri().toString(), page.body().getBytes(StandardCharsets.UTF_8),
				page.contentType(), this.names), true);
	}

	private Rules unavailable(URI location, FetchFailed ex) {
		// crawler-commons follows RFC 9309: a 4xx means there are no rules, a 5xx that
		// the site cannot say, so nothing may be fetched for now. Like Google, a 429 and
		// no answer at all count as a 5xx rather than as permission to go on, and so do
		// too many redirects and a robots.txt larger than the crawler reads.
		int status = ex.status();
		boolean noRules = status >= 400 && status < 500 && status != TOO_MANY_REQUESTS;
		BaseRobotRules rules = this.parser.failedFetch(noRules ? status : SERVICE_UNAVAILABLE);
		if (!rules.isAllowAll()) {
			logger.warn("Cannot read {} ({}), so nothing of its site is fetched for {}", location, ex.getMessage(),
					this.unavailableFor);
		}
		// A 4xx is an answer (there are no rules) and is kept as long as rules read.
		return new Rules(rules, noRules);
	}

	/**
	 * An origin's rules, and whether they come from an answer of the site rather than
	 * from its failure to give one.
	 */
	private record Rules(BaseRobotRules rules, boolean read) {

	}

}
