package dev.archon.sim.ha.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import dev.archon.sim.ha.Areas;
import dev.archon.sim.ha.DemoNames;
import dev.archon.sim.ha.HaContext;
import dev.archon.sim.ha.HaSimProperties;
import dev.archon.sim.ha.HaState;
import dev.archon.sim.ha.States;
import dev.archon.sim.ha.Timestamps;
import dev.archon.sim.ha.Ulid;

import org.springframework.stereotype.Component;

/**
 * The demo home: its areas and entities, generated from the seed, and its generated
 * history from {@code historyDays} before the simulator started until the start. At
 * start-up every entity's state is the one its history has reached.
 * <p>
 * The home begins with the entities of the planted routines ({@link DemoRoutines}) and a
 * few sensors, then fills areas (kitchen, living room, …, then {@code room_16},
 * {@code room_17}, …) with lights, lamps, sensors, contacts, plugs with power meters,
 * blinds, thermostats, speakers and locks until it has {@code entities} entities.
 */
@Component
public class DemoHome implements Areas {

	private static final long MICROS_PER_DAY = 86_400_000_000L;

	private static final List<String> NAMED_AREAS = List.of("kitchen", "living_room", "hallway", "bathroom", "entrance",
			"bedroom", "office", "kids_room", "dining_room", "guest_room", "garage", "garden", "laundry", "attic",
			"basement");

	private static final List<EntitySpec> CORE = List.of(
			spec(DemoRoutines.KITCHEN_LIGHT, "Kitchen Light", "kitchen", EntityKind.LIGHT),
			spec(DemoRoutines.COFFEE_MAKER, "Coffee Maker", "kitchen", EntityKind.SWITCH),
			spec(DemoRoutines.COFFEE_MAKER_POWER, "Coffee Maker Power", "kitchen", EntityKind.POWER),
			spec(DemoRoutines.LIVING_ROOM_LIGHT, "Living Room Light", "living_room", EntityKind.LIGHT),
			spec(DemoRoutines.LIVING_ROOM_TV, "Living Room TV", "living_room", EntityKind.MEDIA_PLAYER),
			spec(DemoRoutines.LIVING_ROOM_CLIMATE, "Living Room Thermostat", "living_room", EntityKind.CLIMATE),
			spec(DemoRoutines.HALLWAY_MOTION, "Hallway Motion", "hallway", EntityKind.MOTION),
			spec(DemoRoutines.HALLWAY_LIGHT, "Hallway Light", "hallway", EntityKind.LIGHT),
			spec(DemoRoutines.BATHROOM_MOTION, "Bathroom Motion", "bathroom", EntityKind.MOTION),
			spec(DemoRoutines.BATHROOM_LIGHT, "Bathroom Light", "bathroom", EntityKind.LIGHT),
			spec(DemoRoutines.FRONT_DOOR_LOCK, "Front Door Lock", "entrance", EntityKind.LOCK),
			spec(DemoRoutines.FRONT_DOOR, "Front Door", "entrance", EntityKind.DOOR),
			spec(DemoRoutines.BEDROOM_BLINDS, "Bedroom Blinds", "bedroom", EntityKind.COVER),
			spec(DemoRoutines.BEDROOM_LIGHT, "Bedroom Light", "bedroom", EntityKind.LIGHT),
			spec("weather.home", "Home", null, EntityKind.WEATHER),
			spec("sensor.living_room_temperature", "Living Room Temperature", "living_room", EntityKind.TEMPERATURE),
			spec("sensor.living_room_humidity", "Living Room Humidity", "living_room", EntityKind.HUMIDITY),
			spec("sensor.kitchen_temperature", "Kitchen Temperature", "kitchen", EntityKind.TEMPERATURE),
			spec("sensor.bedroom_temperature", "Bedroom Temperature", "bedroom", EntityKind.TEMPERATURE),
			spec("sensor.bathroom_humidity", "Bathroom Humidity", "bathroom", EntityKind.HUMIDITY));

	private static final List<Template> TEMPLATES = List.of(new Template(EntityKind.LIGHT, "", "Light"),
			new Template(EntityKind.LIGHT, "_lamp", "Lamp"), new Template(EntityKind.LIGHT, "_spots", "Spots"),
			new Template(EntityKind.TEMPERATURE, "_temperature", "Temperature"),
			new Template(EntityKind.HUMIDITY, "_humidity", "Humidity"),
			new Template(EntityKind.MOTION, "_motion", "Motion"), new Template(EntityKind.WINDOW, "_window", "Window"),
			new Template(EntityKind.DOOR, "_door", "Door"), new Template(EntityKind.SWITCH, "_plug", "Plug"),
			new Template(EntityKind.POWER, "_plug_power", "Plug Power"),
			new Template(EntityKind.COVER, "_blinds", "Blinds"), new Template(EntityKind.CLIMATE, "", "Thermostat"),
			new Template(EntityKind.MEDIA_PLAYER, "_speaker", "Speaker"),
			new Template(EntityKind.LOCK, "_door", "Door Lock"));

	private final DemoHistory history;

	private final List<EntitySpec> entities;

	private final Map<String, EntitySpec> byId;

	private final List<Area> areas;

	private final long startMicros;

	private final long historyStartMicros;

	public DemoHome(HaSimProperties properties, States states) {
		ZoneId zone = ZoneId.of(properties.timeZone());
		this.history = new DemoHistory(properties.seed(), zone);
		this.startMicros = Timestamps.micros(Timestamps.now());
		this.historyStartMicros = this.startMicros - properties.historyDays() * MICROS_PER_DAY;
		this.byId = new LinkedHashMap<>();
		for (EntitySpec spec : CORE) {
			if (this.byId.size() < properties.entities()) {
				this.byId.put(spec.entityId(), spec);
			}
		}
		List<Area> areas = new ArrayList<>();
		for (int index = 0; this.byId.size() < properties.entities() || index < NAMED_AREAS.size(); index++) {
			String areaId = (index < NAMED_AREAS.size()) ? NAMED_AREAS.get(index) : "room_" + (index + 1);
			areas.add(new Area(areaId, DemoNames.title(areaId)));
			fill(areaId, new SplittableRandom(properties.seed() * 31 + index), properties.entities());
		}
		this.areas = List.copyOf(areas);
		this.entities = List.copyOf(this.byId.values());
		states.load(this.entities.stream().map(this::initialState).toList());
	}

	public List<EntitySpec> entities() {
		return this.entities;
	}

	public @Nullable EntitySpec spec(String entityId) {
		return this.byId.get(entityId);
	}

	public List<Area> areas() {
		return this.areas;
	}

	@Override
	public List<String> entitiesIn(String areaId) {
		return this.entities.stream().filter((spec) -> areaId.equals(spec.areaId())).map(EntitySpec::entityId).toList();
	}

	public ZoneId zone() {
		return this.history.zone();
	}

	/**
	 * When the simulator started: generated history ends here, live changes begin.
	 * @return microseconds since the epoch
	 */
	public long startMicros() {
		return this.startMicros;
	}

	/**
	 * When the generated history begins, {@code historyDays} before the start.
	 * @return microseconds since the epoch
	 */
	public long historyStartMicros() {
		return this.historyStartMicros;
	}

	/**
	 * Reads generated history. First the state in force at {@code from} with the time it
	 * took effect (never before the history's start), then every change after
	 * {@code from} and before {@code to}; all of it inside the generated window from the
	 * history's start to the simulator's start.
	 * @param spec the entity
	 * @param from microseconds since the epoch
	 * @param to microseconds since the epoch
	 * @param sink receives the state in force and the changes, each a real change
	 */
	public void changes(EntitySpec spec, long from, long to, ChangeSink sink) {
		long begin = Math.max(from, this.historyStartMicros);
		long end = Math.min(to, this.startMicros);
		if (begin >= this.startMicros) {
			begin = this.startMicros - 1;
		}
		ZoneId zone = zone();
		LocalDate date = Timestamps.ofMicros(begin).atZone(zone).toLocalDate();
		DayTrack track = this.history.day(spec.entityId(), spec.kind(), date);
		long dayStart = Timestamps.micros(date.atStartOfDay(zone).toInstant());
		String current = track.startState();
		long since = Math.max(dayStart, this.historyStartMicros);
		int index = 0;
		for (; index < track.size() && track.time(index) <= begin; index++) {
			if (!track.state(index).equals(current)) {
				current = track.state(index);
				since = track.time(index);
			}
		}
		sink.accept(since, current);
		while (true) {
			for (; index < track.size(); index++) {
				long time = track.time(index);
				if (time >= end) {
					return;
				}
				if (!track.state(index).equals(current)) {
					current = track.state(index);
					sink.accept(time, current);
				}
			}
			date = date.plusDays(1);
			if (Timestamps.micros(date.atStartOfDay(zone).toInstant()) >= end) {
				return;
			}
			track = this.history.day(spec.entityId(), spec.kind(), date);
			index = 0;
			if (!track.startState().equals(current)) {
				current = track.startState();
				sink.accept(Timestamps.micros(date.atStartOfDay(zone).toInstant()), current);
			}
		}
	}

	private HaState initialState(EntitySpec spec) {
		String[] state = new String[1];
		long[] since = new long[1];
		changes(spec, this.startMicros - 1, this.startMicros, (time, value) -> {
			state[0] = value;
			since[0] = time;
		});
		Instant at = Timestamps.ofMicros(since[0]);
		HaContext context = new HaContext(Ulid.at(at.toEpochMilli()), null, null);
		return new HaState(spec.entityId(), state[0], Collections.unmodifiableMap(spec.attributes(state[0])), at, at,
				at, context);
	}

	private void fill(String areaId, SplittableRandom random, int limit) {
		List<Template> templates = new ArrayList<>(TEMPLATES);
		Collections.shuffle(templates, random);
		for (Template template : templates) {
			if (this.byId.size() >= limit) {
				return;
			}
			if (random.nextDouble() < 0.8) {
				String entityId = template.kind().domain() + "." + areaId + template.suffix();
				this.byId.putIfAbsent(entityId, new EntitySpec(entityId,
						DemoNames.title(areaId) + " " + template.label(), areaId, template.kind()));
			}
		}
	}

	private static EntitySpec spec(String entityId, String name, @Nullable String areaId, EntityKind kind) {
		return new EntitySpec(entityId, name, areaId, kind);
	}

	/**
	 * Receives generated history.
	 */
	@FunctionalInterface
	public interface ChangeSink {

		void accept(long epochMicros, String state);

	}

	/**
	 * An area of the home, as in Home Assistant's area registry.
	 *
	 * @param areaId the id
	 * @param name the display name
	 */
	public record Area(String areaId, String name) {

	}

	private record Template(EntityKind kind, String suffix, String label) {

	}

}
