package dev.archon.agentgen.llm.web;

import dev.archon.agentgen.llm.ProviderPool;
import dev.archon.api.wire.agents.ProviderList;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The state of each LLM provider, for operators and the launcher's status page.
 */
@RestController
@RequestMapping("/api/v1/llm")
class ProvidersController {

	private final ProviderPool pool;

	ProvidersController(ProviderPool pool) {
		this.pool = pool;
	}

	@GetMapping("/providers")
	ProviderList providers() {
		return new ProviderList(this.pool.states());
	}

}
