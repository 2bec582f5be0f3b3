package dev.archon.agentgen.pipeline;

import tools.jackson.databind.json.JsonMapper;

/**
 * Validation reports as stored with their step and job.
 */
public final class ValidationReports {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ValidationReports() {
	}

	public static String write(ValidationReport report) {
		return json.writeValueAsString(report);
	}

	public static ValidationReport read(String stored) {
		return json.readValue(stored, ValidationReport.class);
	}

}
