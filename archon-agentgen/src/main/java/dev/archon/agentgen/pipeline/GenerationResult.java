package dev.archon.agentgen.pipeline;

import java.util.Map;

/**
 * A generated version.
 *
 * @param files the five files, by path
 * @param validation what validation found
 * @param degraded whether the built-in template provider wrote any of it
 * @param grounded whether archon-vector's documentation was used
 */
public record GenerationResult(Map<String, String> files, ValidationReport validation, boolean degraded,
		boolean grounded) {

}
