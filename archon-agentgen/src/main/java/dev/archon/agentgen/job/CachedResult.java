package dev.archon.agentgen.job;

import java.util.Map;

/**
 * A generation kept in the result cache.
 *
 * @param files the files
 * @param validation the validation report, as JSON
 * @param grounded whether it was grounded in documentation
 */
record CachedResult(Map<String, String> files, String validation, boolean grounded) {

}
