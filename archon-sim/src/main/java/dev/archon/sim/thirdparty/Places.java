package dev.archon.sim.thirdparty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The places the geocoding fake knows, with Open-Meteo's own coordinates, elevations and
 * GeoNames ids for them.
 */
public final class Places {

	private static final List<Place> PLACES = List.of(
			new Place(2996944, "Lyon", 45.74846, 4.84671, 173, "FR", "France", "Auvergne-Rhône-Alpes", "Europe/Paris",
					472317),
			new Place(2988507, "Paris", 48.85341, 2.3488, 42, "FR", "France", "Île-de-France", "Europe/Paris", 2138551),
			new Place(2950159, "Berlin", 52.52437, 13.41053, 74, "DE", "Germany", "Land Berlin", "Europe/Berlin",
					3426354),
			new Place(3143244, "Oslo", 59.91273, 10.74609, 26, "NO", "Norway", "Oslo", "Europe/Oslo", 580000),
			new Place(2643743, "London", 51.50853, -0.12574, 25, "GB", "United Kingdom", "England", "Europe/London",
					8961989));

	private Places() {
	}

	/**
	 * Places whose name starts with the text, in any case, as Open-Meteo's fuzzy search
	 * finds them from three characters on; two characters match a name exactly.
	 * @param name the searched name
	 * @return the matches, most populous first
	 */
	public static List<Place> search(String name) {
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		return PLACES.stream()
			.filter((place) -> (wanted.length() >= 3) ? place.name().toLowerCase(Locale.ROOT).startsWith(wanted)
					: place.name().equalsIgnoreCase(wanted))
			.sorted((a, b) -> Integer.compare(b.population(), a.population()))
			.toList();
	}

	/**
	 * The known place at coordinates, as Open-Meteo's {@code timezone=auto} finds the
	 * place's own time zone.
	 * @param latitude the latitude
	 * @param longitude the longitude
	 * @return the place within half a degree, if any
	 */
	public static Optional<Place> near(double latitude, double longitude) {
		return PLACES.stream()
			.filter((place) -> Math.abs(place.latitude() - latitude) <= 0.5
					&& Math.abs(place.longitude() - longitude) <= 0.5)
			.findFirst();
	}

	/**
	 * A place, as Open-Meteo's geocoding API describes it.
	 */
	public record Place(int id, String name, double latitude, double longitude, int elevation, String countryCode,
			String country, String admin1, String timezone, int population) {

	}

}
