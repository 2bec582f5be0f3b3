package dev.archon.sim.thirdparty.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(OpenMeteoController.class)
class OpenMeteoControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void geocodesAKnownPlace() {
		assertThat(this.mvc.get().uri("/thirdparty/open-meteo-geocoding/v1/search?name=lyon&count=1")).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.results.length()").isEqualTo(1);
				json.assertThat().extractingPath("$.results[0].name").isEqualTo("Lyon");
				json.assertThat().extractingPath("$.results[0].latitude").isEqualTo(45.74846);
				json.assertThat().extractingPath("$.results[0].country_code").isEqualTo("FR");
			});
	}

	@Test
	void answersNoResultsMemberForAnUnknownPlace() {
		assertThat(this.mvc.get().uri("/thirdparty/open-meteo-geocoding/v1/search?name=Atlantis")).hasStatusOk()
			.bodyJson()
			.doesNotHavePath("$.results")
			.hasPath("$.generationtime_ms");
	}

	@Test
	void forecastsTheVariablesAskedFor() {
		assertThat(this.mvc.get()
			.uri("/thirdparty/open-meteo/v1/forecast?latitude=45.74846&longitude=4.84671"
					+ "&current=temperature_2m,precipitation,wind_speed_10m&daily=temperature_2m_max&forecast_days=2"
					+ "&timezone=auto"))
			.hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.timezone").isEqualTo("Europe/Paris");
				json.assertThat().extractingPath("$.current_units.temperature_2m").isEqualTo("°C");
				json.assertThat().extractingPath("$.current.temperature_2m").isEqualTo(8.8);
				json.assertThat().extractingPath("$.current.interval").isEqualTo(900);
				json.assertThat().hasPath("$.current.wind_speed_10m").hasPath("$.current.precipitation");
				json.assertThat().extractingPath("$.daily.time.length()").isEqualTo(2);
				json.assertThat().extractingPath("$.daily.temperature_2m_max.length()").isEqualTo(2);
				json.assertThat().doesNotHavePath("$.hourly");
			});
	}

	@Test
	void refusesWhatOpenMeteoRefuses() {
		assertThat(this.mvc.get().uri("/thirdparty/open-meteo/v1/forecast?latitude=91&longitude=0")).hasStatus(400)
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.error").isEqualTo(true);
				json.assertThat().extractingPath("$.reason").asString().startsWith("Latitude must be in range");
			});
		assertThat(this.mvc.get().uri("/thirdparty/open-meteo/v1/forecast?latitude=1&longitude=1&current=temp"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.reason")
			.asString()
			.contains("invalid String value temp");
		assertThat(this.mvc.get().uri("/thirdparty/open-meteo/v1/forecast?longitude=1")).hasStatus(400);
	}

}
