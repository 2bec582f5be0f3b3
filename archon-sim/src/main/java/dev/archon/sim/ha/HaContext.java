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

	/**
	 * The id of the owner, the user behind the simulator's one long-lived access token.
	 */
	public static final String OWNER_USER_ID = "5d7c3c1e2a4b4f0e9b8a7c6d5e4f3a2b";

	public static HaContext byOwner() {
		return create(OWNER_USER_ID);
	}

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
