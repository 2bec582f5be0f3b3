package dev.archon.sim.ha;

import java.util.List;

/**
 * Which entities are in an area, for service targets given by {@code area_id}.
 */
public interface Areas {

	List<String> entitiesIn(String areaId);

}
