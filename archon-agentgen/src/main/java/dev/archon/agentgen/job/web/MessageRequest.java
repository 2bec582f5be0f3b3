package dev.archon.agentgen.job.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/agents/{id}/messages}.
 *
 * @param message {@code refine} to run the refiners, or feedback for the coder
 */
record MessageRequest(@NotBlank @Size(max = 8000) String message) {

}
