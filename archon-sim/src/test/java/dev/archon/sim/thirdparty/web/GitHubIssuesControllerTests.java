package dev.archon.sim.thirdparty.web;

import org.junit.jupiter.api.Test;

import dev.archon.test.secrets.TestSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(GitHubIssuesController.class)
class GitHubIssuesControllerTests {

	private static final String ISSUES = "/thirdparty/github/repos/octo-org/octo-repo/issues";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void listsOpenIssuesAndPullRequestsNewestFirst() {
		assertThat(this.mvc.get().uri(ISSUES).header("User-Agent", "test")).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$[*].number").asArray().containsExactly(12, 11, 10, 9, 7);
				json.assertThat().extractingPath("$[0].labels[0].name").isEqualTo("bug");
				json.assertThat()
					.extractingPath("$[3].pull_request.html_url")
					.isEqualTo("https://github.com/octo-org/octo-repo/pull/9");
				json.assertThat().extractingPath("$[0].url").asString().endsWith(ISSUES + "/12");
			});
	}

	@Test
	void filtersByStateLabelsAndSince() {
		assertThat(this.mvc.get()
			.uri(ISSUES + "?state=all&labels=bug,needs-triage&since=2026-01-01T00:00:00Z")
			.header("User-Agent", "test")).bodyJson().extractingPath("$[*].number").asArray().containsExactly(10);
		assertThat(this.mvc.get().uri(ISSUES + "?since=2026-01-05T00:00:00Z").header("User-Agent", "test")).bodyJson()
			.extractingPath("$[*].number")
			.asArray()
			.containsExactly(12, 11);
		assertThat(this.mvc.get().uri(ISSUES + "?state=closed").header("User-Agent", "test")).bodyJson()
			.extractingPath("$[*].closed_at")
			.asArray()
			.containsExactly("2025-12-28T16:45:00Z");
	}

	@Test
	void pagesWithALinkHeader() {
		assertThat(this.mvc.get().uri(ISSUES + "?per_page=2").header("User-Agent", "test")).hasStatusOk()
			.hasHeader("Link",
					"<http://localhost" + ISSUES + "?per_page=2&page=2>; rel=\"next\", <http://localhost" + ISSUES
							+ "?per_page=2&page=3>; rel=\"last\"")
			.bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(2);
		assertThat(this.mvc.get().uri(ISSUES + "?per_page=2&page=3").header("User-Agent", "test")).bodyJson()
			.extractingPath("$[*].number")
			.asArray()
			.containsExactly(7);
	}

	@Test
	void refusesWhatGitHubRefuses() {
		assertThat(this.mvc.get().uri(ISSUES)).hasStatus(403);
		assertThat(this.mvc.get().uri(ISSUES).header("User-Agent", "test").header("Authorization", "Bearer "))
			.hasStatus(401)
			.bodyJson()
			.extractingPath("$.message")
			.isEqualTo("Bad credentials");
		assertThat(this.mvc.get().uri(ISSUES + "?since=yesterday").header("User-Agent", "test")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("since");
		assertThat(this.mvc.get().uri(ISSUES + "?state=pending").header("User-Agent", "test")).hasStatus(422);
		assertThat(this.mvc.get().uri("/thirdparty/github/repos/octo-org/other/issues").header("User-Agent", "test"))
			.hasStatus(404)
			.bodyJson()
			.extractingPath("$.message")
			.isEqualTo("Not Found");
	}

	@Test
	void acceptsATokenInEitherScheme() {
		assertThat(this.mvc.get()
			.uri(ISSUES)
			.header("User-Agent", "test")
			.header("Authorization", "Bearer " + TestSecrets.GITHUB_TOKEN)).hasStatusOk();
		assertThat(this.mvc.get()
			.uri(ISSUES)
			.header("User-Agent", "test")
			.header("Authorization", "token " + TestSecrets.GITHUB_TOKEN)).hasStatusOk();
	}

}
