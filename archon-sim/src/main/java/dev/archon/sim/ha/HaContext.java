package dev.archon.sim.ha;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What caused a change: Home Assistant's {@code Context}, with a ULID id, the context it
 * descends from and the user who asked for it.
 *
 * @param id the ULID
 * @param parentId the parent context's id
 * @param userId the user's id, {@code null} for changes the home made by itself
 */
public record HaContext(String id, @Nullable String parentId, @Nullable String userId) {

	public static HaContext create(@Nullable String userId) {
		return new HaContext(Ulid.next(), null, userId);
	}

	public Map<String, @Nullable Object> asDict() {
		Map<String, @Nullable Object> dict = new LinkedHashMap<>(4);
		dict.put("id", this.id);
		dict.put("parent_id", this.parentId);
		dict.put("user_id", this.userId);
		return dict;
	}

	/**
	 * The context in a compressed state: the bare id when nothing else is set, as Home
	 * Assistant's {@code as_compressed_state} does.
	 * @return a string or a map
	 */
	public Object compressed() {
		return (this.parentId == null && this.userId == null) ? this.id : asDict();
	}

}
