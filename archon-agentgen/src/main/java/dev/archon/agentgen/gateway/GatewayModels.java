package dev.archon.agentgen.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.archon.agentgen.llm.ModelRole;
import dev.archon.agentgen.llm.ProviderPool;
import dev.archon.api.wire.agents.ProviderState;
import dev.archon.api.wire.gateway.ModelList;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The models a client may ask for: the pool's aliases, which go through every provider in
 * turn, and each provider's own models, which go to that provider alone. The providers
 * are fixed when the pool is built, so the table is too.
 */
@Component
public class GatewayModels {

	/** The pool's model for every task but reasoning, from the first healthy provider. */
	public static final String PRIMARY = "archon-primary";

	/** The pool's reasoning model, from the first healthy provider. */
	public static final String REASONER = "archon-reasoner";

	private static final String OWNER = "archon";

	private final Map<String, Route> routes = new LinkedHashMap<>();

	private final ModelList list;

	GatewayModels(ProviderPool pool) {
		List<ModelList.Model> models = new ArrayList<>();
		this.routes.put(PRIMARY, new Route(ModelRole.PRIMARY, null));
		this.routes.put(REASONER, new Route(ModelRole.REASONER, null));
		models.add(ModelList.Model.of(PRIMARY, OWNER));
		models.add(ModelList.Model.of(REASONER, OWNER));
		for (ProviderState provider : pool.states()) {
			if ("builtin".equals(provider.type())) {
				continue;
			}
			// A model two providers serve goes to the one tried first.
			if (this.routes.putIfAbsent(provider.primaryModel(),
					new Route(ModelRole.PRIMARY, provider.name())) == null) {
				models.add(ModelList.Model.of(provider.primaryModel(), provider.name()));
			}
			if (this.routes.putIfAbsent(provider.reasonerModel(),
					new Route(ModelRole.REASONER, provider.name())) == null) {
				models.add(ModelList.Model.of(provider.reasonerModel(), provider.name()));
			}
		}
		this.list = ModelList.of(List.copyOf(models));
	}

	/**
	 * The models, aliases first.
	 * @return the list
	 */
	public ModelList list() {
		return this.list;
	}

	/**
	 * Where a request for a model goes.
	 * @param model the model the request names
	 * @return its route
	 * @throws ModelNotFound when there is no such model
	 */
	Route route(String model) {
		Route route = this.routes.get(model);
		if (route == null) {
			throw new ModelNotFound(model);
		}
		return route;
	}

	/**
	 * Where a request goes.
	 *
	 * @param role which of each provider's models answers
	 * @param provider the one provider to ask, {@code null} for the whole pool
	 */
	record Route(ModelRole role, @Nullable String provider) {

	}

}
