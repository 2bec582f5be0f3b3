package dev.archon.sim.thirdparty.web;

import org.junit.jupiter.api.Test;

import dev.archon.test.secrets.TestSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(BraveSearchController.class)
class BraveSearchControllerTests {

	private static final String SEARCH = "/thirdparty/brave/res/v1/web/search";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void answersWebResultsBestMatchFirst() {
		assertThat(this.mvc.get()
			.uri(SEARCH + "?q=watering the garden&count=2")
			.header("X-Subscription-Token", TestSecrets.BRAVE_API_KEY)).hasStatusOk().bodyJson().satisfies((json) -> {
				json.assertThat().extractingPath("$.type").isEqualTo("search");
				json.assertThat().extractingPath("$.query.original").isEqualTo("watering the garden");
				json.assertThat().extractingPath("$.web.results.length()").isEqualTo(2);
				json.assertThat()
					.extractingPath("$.web.results[0].url")
					.isEqualTo("http://localhost/thirdparty/pages/garden-watering");
				json.assertThat()
					.extractingPath("$.web.results[0].title")
					.isEqualTo("Watering a vegetable garden in summer");
				json.assertThat().extractingPath("$.web.results[0].description").asString().contains("<strong>");
			});
	}

	@Test
	void refusesWithoutTokenOrWithInvalidParameters() {
		assertThat(this.mvc.get().uri(SEARCH + "?q=x")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.error.code")
			.isEqualTo("SUBSCRIPTION_TOKEN_INVALID");
		assertThat(
				this.mvc.get().uri(SEARCH + "?q=x&count=21").header("X-Subscription-Token", TestSecrets.BRAVE_API_KEY))
			.hasStatus(422)
			.bodyJson()
			.extractingPath("$.error.code")
			.isEqualTo("VALIDATION");
		assertThat(this.mvc.get().uri(SEARCH).header("X-Subscription-Token", TestSecrets.BRAVE_API_KEY)).hasStatus(422);
		assertThat(
				this.mvc.get().uri(SEARCH + "?q=x&offset=10").header("X-Subscription-Token", TestSecrets.BRAVE_API_KEY))
			.hasStatus(422)
			.bodyJson()
			.extractingPath("$.error.meta.errors[0].loc[1]")
			.isEqualTo("offset");
	}

}
