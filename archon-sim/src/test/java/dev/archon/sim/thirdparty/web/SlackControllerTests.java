package dev.archon.sim.thirdparty.web;

import org.junit.jupiter.api.Test;

import dev.archon.test.secrets.TestSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(SlackController.class)
class SlackControllerTests {

	private static final String POST_MESSAGE = "/thirdparty/slack/api/chat.postMessage";

	private static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json; charset=utf-8");

	@Autowired
	private MockMvcTester mvc;

	@Test
	void postsToAChannelByName() {
		assertThat(this.mvc.post()
			.uri(POST_MESSAGE)
			.header("Authorization", "Bearer " + TestSecrets.SLACK_BOT_TOKEN)
			.contentType(JSON_UTF8)
			.content("{\"channel\":\"#digest\",\"text\":\"3 new issues\"}")).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.ok").isEqualTo(true);
				json.assertThat().extractingPath("$.channel").isEqualTo("C07DIGEST1");
				json.assertThat().extractingPath("$.message.text").isEqualTo("3 new issues");
				json.assertThat().extractingPath("$.ts").asString().matches("\\d+\\.\\d{6}");
				json.assertThat().extractingPath("$.message.ts").isNotNull();
			});
	}

	@Test
	void warnsAboutJsonWithoutCharsetAndAcceptsAForm() {
		assertThat(this.mvc.post()
			.uri(POST_MESSAGE)
			.header("Authorization", "Bearer " + TestSecrets.SLACK_BOT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"channel\":\"C024BE91L\",\"text\":\"hi\"}")).bodyJson().satisfies((json) -> {
				json.assertThat().extractingPath("$.ok").isEqualTo(true);
				json.assertThat().extractingPath("$.warning").isEqualTo("missing_charset");
			});
		assertThat(this.mvc.post()
			.uri(POST_MESSAGE)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("token=" + TestSecrets.SLACK_BOT_TOKEN + "&channel=general&text=hi")).bodyJson()
			.extractingPath("$.ok")
			.isEqualTo(true);
	}

	@Test
	void refusesWithOkFalseAndHttp200() {
		assertError("", "{\"channel\":\"#digest\",\"text\":\"x\"}", "not_authed");
		assertError("Bearer not-a-slack-token", "{\"channel\":\"#digest\",\"text\":\"x\"}", "invalid_auth");
		assertError("Bearer " + TestSecrets.SLACK_BOT_TOKEN, "{\"channel\":\"#random\",\"text\":\"x\"}",
				"channel_not_found");
		assertError("Bearer " + TestSecrets.SLACK_BOT_TOKEN, "{\"text\":\"x\"}", "channel_not_found");
		assertError("Bearer " + TestSecrets.SLACK_BOT_TOKEN, "{\"channel\":\"#digest\"}", "no_text");
		assertError("Bearer " + TestSecrets.SLACK_BOT_TOKEN, "{\"channel\":", "invalid_json");
		assertError("Bearer " + TestSecrets.SLACK_BOT_TOKEN,
				"{\"channel\":\"#digest\",\"text\":\"" + "x".repeat(40_001) + "\"}", "msg_too_long");
	}

	private void assertError(String authorization, String body, String error) {
		var request = this.mvc.post().uri(POST_MESSAGE).contentType(JSON_UTF8).content(body);
		if (!authorization.isEmpty()) {
			request.header("Authorization", authorization);
		}
		assertThat(request).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.ok").isEqualTo(false);
			json.assertThat().extractingPath("$.error").isEqualTo(error);
		});
	}

}
