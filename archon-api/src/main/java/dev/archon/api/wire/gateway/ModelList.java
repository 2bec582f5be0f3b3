package dev.archon.api.wire.gateway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The models a client may ask for: {@code GET /v1/models}.
 *
 * @param object always {@code list}
 * @param data the models
 */
public record ModelList(String object, List<Model> data) {

	public static ModelList of(List<Model> models) {
		return new ModelList("list", models);
	}

	/**
	 * One model.
	 *
	 * @param id its name, as a request's {@code model}
	 * @param object always {@code model}
	 * @param created when it was created, in seconds since the epoch (0: Archon does not
	 * know)
	 * @param ownedBy {@code archon} for the pool's aliases, else the provider that serves
	 * it
	 */
	public record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {

		public static Model of(String id, String ownedBy) {
			return new Model(id, "model", 0, ownedBy);
		}

	}

}
