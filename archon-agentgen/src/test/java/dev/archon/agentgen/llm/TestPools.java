package dev.archon.agentgen.llm;

import java.util.List;

/**
 * Pools for tests of other packages.
 */
public final class TestPools {

	private TestPools() {
	}

	public static ProviderPool builtinOnly() {
		return SimulatedProviders.pool(List.of(SimulatedProviders.builtin()));
	}

}
