package dev.archon.sim.ha.demo;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One entity of the demo home.
 *
 * @param entityId its id
 * @param name its friendly name
 * @param areaId its area, {@code null} for none
 * @param kind what it is
 */
public record EntitySpec(String entityId, String name, @Nullable String areaId, EntityKind kind) {

	public String domain() {
		return this.kind.domain();
	}

	/**
	 * The brightness the light has when the history turns it on, fixed per entity.
	 * @return 64 to 255
	 */
	public int brightness() {
		return 64 + Math.floorMod(this.entityId.hashCode(), 192);
	}

	public Map<String, Object> attributes(String state) {
		return this.kind.attributes(this, state);
	}

}
