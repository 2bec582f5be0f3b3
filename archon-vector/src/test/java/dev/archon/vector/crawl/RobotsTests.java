package dev.archon.vector.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.archon.vector.crawl.Fetcher.FetchFailed;
import dev.archon.vector.crawl.Fetcher.Page;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsTests {

	private static final Duration TTL = Duration.ofHours(1);

	private final AtomicLong nanos = new AtomicLong();

	private final List<URI> fetched = new ArrayList<>();

	@Test
	void wildcardMatchesAnyCharactersInThePath() {
		Robots robots = robots("ArchonBot", "User-agent: *\nDisallow: /*.pdf\n");
		assertThat(robots.allows(url("/a/b.pdf"))).isFalse();
		assertThat(robots.allows(url("/a/b.html"))).isTrue();
	}

	@Test
	void dollarAnchorsTheRuleAtTheEndOfTheUrl() {
		Robots robots = robots("ArchonBot", "User-agent: *\nDisallow: /*.php$\n");
		assertThat(robots.allows(url("/index.php"))).isFalse();
		assertThat(robots.allows(url("/index.php?page=2"))).isTrue();
		assertThat(robots.allows(url("/index.phps"))).isTrue();
	}

	@Test
	void longerAllowOverridesShorterDisallow() {
		Robots robots = robots("ArchonBot", """
				User-agent: *
				Disallow: /docs
				Allow: /docs/public
				""");
		assertThat(robots.allows(url("/docs/internal.html"))).isFalse();
		assertThat(robots.allows(url("/docs/public/a.html"))).isTrue();
	}

	@Test
	void longerDisallowOverridesShorterAllow() {
		Robots robots = robots("ArchonBot", """
				User-agent: *
				Allow: /shop
				Disallow: /shop/cart
				""");
		assertThat(robots.allows(url("/shop/items"))).isTrue();
		assertThat(robots.allows(url("/shop/cart/checkout"))).isFalse();
	}

	@Test
	void allowWinsOverAnEquallyLongDisallow() {
		Robots robots = robots("ArchonBot", """
				User-agent: *
				Disallow: /page
				Allow: /page
				""");
		assertThat(robots.allows(url("/page"))).isTrue();
	}

	@Test
	void ownGroupReplacesTheWildcardGroup() {
		Robots robots = robots("ArchonBot/1.0 (+https://archon.dev/bot)", """
				User-agent: *
				Disallow: /

				User-agent: archonbot
				Disallow: /private
				""");
		assertThat(robots.allows(url("/docs/a.html"))).isTrue();
		assertThat(robots.allows(url("/private/x"))).isFalse();
	}

	@Test
	void wildcardGroupAppliesWhenNoGroupNamesUs() {
		Robots robots = robots("ArchonBot", """
				User-agent: OtherBot
				Disallow: /

				User-agent: *
				Disallow: /tmp
				""");
		assertThat(robots.allows(url("/tmp/file"))).isFalse();
		assertThat(robots.allows(url("/docs"))).isTrue();
	}

	@Test
	void missingRobotsTxtAllowsEverything() {
		Robots robots = failing(404);
		assertThat(robots.allows(url("/docs/a.html"))).isTrue();
	}

	@Test
	void robotsTxtAnswering503DisallowsEverything() {
		Robots robots = failing(503);
		assertThat(robots.allows(url("/docs/a.html"))).isFalse();
	}

	@Test
	void robotsTxtAnswering429DisallowsEverything() {
		Robots robots = failing(429);
		assertThat(robots.allows(url("/docs/a.html"))).isFalse();
	}

	@Test
	void unreachableRobotsTxtDisallowsEverything() {
		Robots robots = failing(FetchFailed.NO_ANSWER);
		assertThat(robots.allows(url("/docs/a.html"))).isFalse();
	}

	@Test
	void asksAgainSoonWhenRobotsTxtCouldNotBeRead() {
		// given: a robots.txt that answers 503 once, then allows everything
		AtomicInteger calls = new AtomicInteger();
		Robots robots = robots("ArchonBot", (uri) -> {
			if (calls.getAndIncrement() == 0) {
				throw new FetchFailed(uri + " answered 503", 503, true, null);
			}
			return new Page(uri, "text/plain", "User-agent: *\nAllow: /\n");
		});
		assertThat(robots.allows(url("/a.html"))).isFalse();
		// when: the short wait of an unreadable robots.txt is over, not the whole TTL
		this.nanos.addAndGet(Robots.UNAVAILABLE_FOR.plusSeconds(1).toNanos());
		// then
		assertThat(robots.allows(url("/a.html"))).isTrue();
		assertThat(this.fetched).hasSize(2);
	}

	@Test
	void keepsAMissingRobotsTxtAsLongAsReadRules() {
		Robots robots = failing(404);
		robots.allows(url("/a.html"));
		this.nanos.addAndGet(Robots.UNAVAILABLE_FOR.plusSeconds(1).toNanos());
		robots.allows(url("/b.html"));
		assertThat(this.fetched).hasSize(1);
	}

	@Test
	void readsRobotsTxtOncePerOriginUntilTheTtlRunsOut() {
		// given
		Robots robots = robots("ArchonBot", "User-agent: *\nDisallow: /private\n");
		// when
		robots.allows(url("/a.html"));
		robots.allows(url("/b.html"));
		robots.allows(URI.create("https://docs.example.org:8443/a.html"));
		// then
		assertThat(this.fetched).containsExactly(url("/robots.txt"),
				URI.create("https://docs.example.org:8443/robots.txt"));
		// when
		this.nanos.addAndGet(TTL.plusSeconds(1).toNanos());
		robots.allows(url("/c.html"));
		// then
		assertThat(this.fetched).hasSize(3).last().isEqualTo(url("/robots.txt"));
	}

	private Robots robots(String userAgent, String robotsTxt) {
		return robots(userAgent, (uri) -> new Page(uri, "text/plain", robotsTxt));
	}

	private Robots failing(int status) {
		return robots("ArchonBot", (uri) -> {
			throw new FetchFailed(uri + " answered " + status, status, status >= 500, null);
		});
	}

	private Robots robots(String userAgent, Function<URI, Page> source) {
		return new Robots(userAgent, TTL, this.nanos::get, (uri) -> {
			this.fetched.add(uri);
			return source.apply(uri);
		});
	}

	private static URI url(String path) {
		return URI.create("https://docs.example.com" + path);
	}

}
