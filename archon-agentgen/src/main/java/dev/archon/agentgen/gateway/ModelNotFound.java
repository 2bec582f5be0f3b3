package dev.archon.agentgen.gateway;

/**
 * A request named a model that is neither an alias of the pool nor a model one of its
 * providers serves.
 */
public class ModelNotFound extends RuntimeException {

	private final String model;

	ModelNotFound(String model) {
		super("The model '" + model + "' does not exist. GET /v1/models lists the models you may ask for.");
		this.model = model;
	}

	public String model() {
		return this.model;
	}

}
