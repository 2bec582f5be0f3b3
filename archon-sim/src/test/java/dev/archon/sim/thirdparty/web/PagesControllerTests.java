package dev.archon.sim.thirdparty.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(PagesController.class)
class PagesControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void servesAPageAsHtml() {
		assertThat(this.mvc.get().uri("/thirdparty/pages/garden-watering")).hasStatusOk()
			.hasContentTypeCompatibleWith("text/html")
			.bodyText()
			.contains("<title>Watering a vegetable garden in summer</title>", "<script>", "Morning watering");
	}

	@Test
	void redirectsAMovedPageAndAnswersAnUnknownOneWith404() {
		assertThat(this.mvc.get().uri("/thirdparty/pages/moved/garden-watering")).hasStatus(301)
			.hasHeader("Location", "http://localhost/thirdparty/pages/garden-watering");
		assertThat(this.mvc.get().uri("/thirdparty/pages/nowhere")).hasStatus(404);
	}

}
