package dev.archon.sim.thirdparty.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.archon.sim.thirdparty.Places;
import dev.archon.sim.thirdparty.Places.Place;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open-Meteo's keyless APIs, as {@code api.open-meteo.com} and
 * {@code geocoding-api.open-meteo.com} answer them:
 * <ul>
 * <li>{@code GET /thirdparty/open-meteo/v1/forecast} with {@code latitude},
 * {@code longitude}, and the variables wanted in {@code current} and {@code daily}
 * (comma-separated), answering {@code current}/{@code current_units} and
 * {@code daily}/{@code daily_units} with values that depend on the place only, in the
 * place's own time zone for {@code timezone=auto};</li>
 * <li>{@code GET /thirdparty/open-meteo-geocoding/v1/search} with {@code name} and
 * {@code count}, answering {@code results} from {@link Places}, or no {@code results}
 * member at all when nothing matches.</li>
 * </ul>
 * A parameter they cannot read is refused with 400 and {@code {"error": true, "reason"}}.
 */
@RestController
class OpenMeteoController {

	private static final Map<String, String> CURRENT_UNITS = units("temperature_2m", "°C", "relative_humidity_2m", "%",
			"apparent_temperature", "°C", "is_day", "", "precipitation", "mm", "rain", "mm", "weather_code", "wmo code",
			"cloud_cover", "%", "wind_speed_10m", "km/h", "wind_direction_10m", "°");

	private static final Map<String, String> DAILY_UNITS = units("weather_code", "wmo code", "temperature_2m_max", "°C",
			"temperature_2m_min", "°C", "precipitation_sum", "mm", "precipitation_probability_max", "%",
			"wind_speed_10m_max", "km/h", "sunrise", "iso8601", "sunset", "iso8601");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@GetMapping("/thirdparty/open-meteo/v1/forecast")
	ResponseEntity<Map<String, Object>> forecast(@RequestParam(required = false) @Nullable String latitude,
			@RequestParam(required = false) @Nullable String longitude, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String daily, @RequestParam(defaultValue = "GMT") String timezone,
			@RequestParam(name = "forecast_days", defaultValue = "7") String forecastDays) {
		Double lat = number(latitude);
		Double lon = number(longitude);
		if (lat == null || lon == null) {
			return error(
					"Value of type 'Float' required for key '" + ((lat == null) ? "latitude" : "longitude") + "'.");
		}
		if (lat < -90 || lat > 90) {
			return error("Latitude must be in range of -90 to 90°. Given: " + lat + ".");
		}
		if (lon < -180 || lon > 180) {
			return error("Longitude must be in range of -180 to 180°. Given: " + lon + ".");
		}
		List<String> currentVariables = variables(current);
		List<String> dailyVariables = variables(daily);
		for (String variable : currentVariables) {
			if (!CURRENT_UNITS.containsKey(variable)) {
				return error("Cannot initialize ForecastVariable from invalid String value " + variable
						+ " for key current");
			}
		}
		for (String variable : dailyVariables) {
			if (!DAILY_UNITS.containsKey(variable)) {
				return error("Cannot initialize ForecastVariableDaily from invalid String value " + variable
						+ " for key daily");
			}
		}
		Double days = number(forecastDays);
		if (days == null || days < 1 || days > 16 || days % 1 != 0) {
			return error("Forecast days is invalid. Allowed range 0 to 16.");
		}
		ZoneId zone;
		try {
			zone = timezone.equals("auto")
					? Places.near(lat, lon).map((place) -> ZoneId.of(place.timezone())).orElse(ZoneId.of("GMT"))
					: ZoneId.of(timezone);
		}
		catch (DateTimeException ex) {
			return error("Invalid timezone");
		}
		ZonedDateTime now = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.HOURS);
		Weather weather = new Weather(lat, lon);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("latitude", Math.round(lat * 100) / 100.0);
		body.put("longitude", Math.round(lon * 100) / 100.0);
		body.put("generationtime_ms", 0.04);
		body.put("utc_offset_seconds", now.getOffset().getTotalSeconds());
		body.put("timezone", zone.getId());
		body.put("timezone_abbreviation", zone.getDisplayName(TextStyle.SHORT, Locale.ROOT));
		body.put("elevation", 100.0);
		if (!currentVariables.isEmpty()) {
			Map<String, Object> units = new LinkedHashMap<>(Map.of("time", "iso8601", "interval", "seconds"));
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("time", MINUTES.format(now));
			values.put("interval", 900);
			currentVariables.forEach((variable) -> {
				units.put(variable, CURRENT_UNITS.get(variable));
				values.put(variable, weather.now(variable));
			});
			body.put("current_units", units);
			body.put("current", values);
		}
		if (!dailyVariables.isEmpty()) {
			Map<String, Object> units = new LinkedHashMap<>(Map.of("time", "iso8601"));
			Map<String, Object> values = new LinkedHashMap<>();
			List<LocalDate> dates = now.toLocalDate().datesUntil(now.toLocalDate().plusDays(days.longValue())).toList();
			values.put("time", dates.stream().map(LocalDate::toString).toList());
			dailyVariables.forEach((variable) -> {
				units.put(variable, DAILY_UNITS.get(variable));
				values.put(variable, dates.stream().map((date) -> weather.on(date, variable)).toList());
			});
			body.put("daily_units", units);
			body.put("daily", values);
		}
		return ResponseEntity.ok(body);
	}

	@GetMapping("/thirdparty/open-meteo-geocoding/v1/search")
	ResponseEntity<Map<String, Object>> search(@RequestParam(required = false) @Nullable String name,
			@RequestParam(defaultValue = "10") String count) {
		Double wanted = number(count);
		if (name == null) {
			return error("Parameter 'name' is required");
		}
		if (wanted == null || wanted < 1 || wanted > 100 || wanted % 1 != 0) {
			return error("Parameter 'count' must be between 1 and 100");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		List<Map<String, Object>> results = Places.search(name)
			.stream()
			.limit(wanted.longValue())
			.map(OpenMeteoController::place)
			.toList();
		if (!results.isEmpty()) {
			body.put("results", results);
		}
		body.put("generationtime_ms", 0.3);
		return ResponseEntity.ok(body);
	}

	private static Map<String, Object> place(Place place) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", place.id());
		json.put("name", place.name());
		json.put("latitude", place.latitude());
		json.put("longitude", place.longitude());
		json.put("elevation", (double) place.elevation());
		json.put("feature_code", "PPLC");
		json.put("country_code", place.countryCode());
		json.put("timezone", place.timezone());
		json.put("population", place.population());
		json.put("country", place.country());
		json.put("admin1", place.admin1());
		return json;
	}

	private static List<String> variables(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).filter((name) -> !name.isEmpty()).toList();
	}

	private static @Nullable Double number(@Nullable String value) {
		try {
			return (value != null) ? Double.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Map<String, String> units(String... pairs) {
		Map<String, String> units = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			units.put(pairs[i], pairs[i + 1]);
		}
		return units;
	}

	private static ResponseEntity<Map<String, Object>> error(String reason) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", true, "reason", reason));
	}

	/**
	 * Weather that depends only on the place (and, for a day, on how far ahead it is), so
	 * that a test can name what a tool must report.
	 */
	private record Weather(double latitude, double longitude) {

		private double temperature() {
			return round(24 - Math.abs(this.latitude) / 3);
		}

		Object now(String variable) {
			return switch (variable) {
				case "temperature_2m", "apparent_temperature" -> temperature();
				case "relative_humidity_2m", "cloud_cover" -> 60;
				case "is_day" -> 1;
				case "precipitation", "rain" -> round(Math.abs(this.longitude) % 3);
				case "weather_code" -> 3;
				case "wind_speed_10m" -> round(5 + Math.abs(this.latitude) / 10);
				default -> 225;
			};
		}

		Object on(LocalDate date, String variable) {
			DoubleUnaryOperator ahead = (value) -> round(value + date.getDayOfMonth() % 3);
			return switch (variable) {
				case "temperature_2m_max" -> ahead.applyAsDouble(temperature() + 4);
				case "temperature_2m_min" -> ahead.applyAsDouble(temperature() - 6);
				case "precipitation_sum" -> ahead.applyAsDouble(Math.abs(this.longitude) % 3);
				case "precipitation_probability_max" -> 40;
				case "wind_speed_10m_max" -> ahead.applyAsDouble(12);
				case "sunrise" -> date + "T07:45";
				case "sunset" -> date + "T17:20";
				default -> 3;
			};
		}

		private static double round(double value) {
			return Math.round(value * 10) / 10.0;
		}

	}

}
