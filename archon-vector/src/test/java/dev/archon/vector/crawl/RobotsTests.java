package dev.archon.vector.crawl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsTests {

	@Test
	void longestMatchWinsAndOwnGroupBeatsTheWildcard() {
		Robots robots = Robots.parse("""
				User-agent: *
				Disallow: /

				User-agent: ArchonBot
				Disallow: /private
				Allow: /private/public
				""", "ArchonBot/1.0");
		assertThat(robots.allows("/docs/a.html")).isTrue();
		assertThat(robots.allows("/private/x")).isFalse();
		assertThat(robots.allows("/private/public/y")).isTrue();
	}

	@Test
	void wildcardGroupAppliesWhenNoGroupNamesUs() {
		Robots robots = Robots.parse("User-agent: *\nDisallow: /tmp\nDisallow:\n", "ArchonBot");
		assertThat(robots.allows("/tmp/file")).isFalse();
		assertThat(robots.allows("/docs")).isTrue();
	}

}
