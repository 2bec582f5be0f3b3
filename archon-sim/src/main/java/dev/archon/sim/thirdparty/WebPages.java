package dev.archon.sim.thirdparty;

import java.util.List;
import java.util.Optional;

/**
 * The small web that the search and page fakes serve: a few pages, each with the title
 * and snippet a search engine shows and the HTML a browser gets, scripts and styles
 * included, as real pages have them.
 */
public final class WebPages {

	private static final List<Page> PAGES = List.of(
			new Page("pydantic-ai-tools", "Function tools - Pydantic AI",
					"Function tools let the model call Python functions while it answers: register them with the"
							+ " @agent.tool decorator or pass them as tools=[...] to the Agent.",
					"Function tools",
					"Function tools provide a mechanism for models to retrieve extra information to help them"
							+ " generate a response. A tool takes RunContext as its first argument when it needs the"
							+ " run's dependencies, such as an HTTP client."),
			new Page("home-assistant-rest-api", "REST API | Home Assistant Developer Docs",
					"Home Assistant provides a RESTful API on the same port as the web frontend: states, services"
							+ " and events, with a long-lived access token as bearer token.",
					"REST API",
					"POST /api/services/<domain>/<service> calls a service within a specific domain and returns"
							+ " the states that changed while the service was being executed."),
			new Page("garden-watering", "Watering a vegetable garden in summer",
					"Water early in the morning, deeply and less often; a soil sensor tells you when the beds are"
							+ " dry, and rain in the forecast means you can skip a day.",
					"Watering in summer",
					"Morning watering loses the least to evaporation. Skip a day when more than five millimetres"
							+ " of rain are forecast."),
			new Page("open-meteo-forecast", "Weather Forecast API | Open-Meteo.com",
					"Free weather forecast API for non-commercial use: hourly and daily variables such as"
							+ " temperature_2m and precipitation_sum for any latitude and longitude.",
					"Weather Forecast API",
					"Seamless integration of high-resolution weather models with up to 16 days of forecast,"
							+ " with current conditions every 15 minutes."));

	private WebPages() {
	}

	public static List<Page> all() {
		return PAGES;
	}

	public static Optional<Page> find(String slug) {
		return PAGES.stream().filter((page) -> page.slug().equals(slug)).findFirst();
	}

	/**
	 * A page of the fake web.
	 *
	 * @param slug its name in the URL
	 * @param title its HTML title, which search results show
	 * @param snippet what search results show of it
	 * @param heading its first heading
	 * @param text the text of its body
	 */
	public record Page(String slug, String title, String snippet, String heading, String text) {

		/**
		 * The page as a server sends it.
		 * @return an HTML document
		 */
		public String html() {
			return """
					<!DOCTYPE html>
					<html lang="en">
					<head>
					<meta charset="utf-8">
					<title>%s</title>
					<style>body { font-family: sans-serif; } .hidden { display: none; }</style>
					<script>window.analytics = { page: "%s" };</script>
					</head>
					<body>
					<nav><a href="/">Home</a></nav>
					<main>
					<h1>%s</h1>
					<p>%s</p>
					<p>%s</p>
					</main>
					</body>
					</html>
					""".formatted(this.title, this.slug, this.heading, this.snippet, this.text);
		}

	}

}
