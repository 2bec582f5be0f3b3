package dev.archon.agentgen.job.web;

import java.util.UUID;

import dev.archon.agentgen.job.JobService;
import dev.archon.api.wire.agents.AgentDiff;
import dev.archon.api.wire.agents.AgentVersionFiles;
import dev.archon.api.wire.agents.AgentVersions;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The versions of a generated agent, which each message on it makes, their files, and
 * what changed between two of them.
 */
@RestController
@RequestMapping("/api/v1/agents/{id}")
class AgentVersionsController {

	private final JobService jobs;

	AgentVersionsController(JobService jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/versions")
	AgentVersions versions(@PathVariable UUID id) {
		return new AgentVersions(this.jobs.versions(id));
	}

	@GetMapping("/versions/{number}")
	AgentVersionFiles version(@PathVariable UUID id, @PathVariable @Min(1) int number) {
		return this.jobs.versionFiles(id, number);
	}

	@GetMapping("/diff")
	AgentDiff diff(@PathVariable UUID id, @RequestParam @Min(1) int from, @RequestParam @Min(1) int to) {
		return this.jobs.diff(id, from, to);
	}

}
