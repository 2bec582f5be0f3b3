package dev.archon.ha.patterns.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import dev.archon.api.wire.ha.AutomationRequest;
import dev.archon.api.wire.ha.PatternReport;
import dev.archon.api.wire.ha.SavedAutomation;
import dev.archon.ha.patterns.Automations;
import dev.archon.ha.patterns.PatternAnalysis;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patterns in the history, and automations made from them.
 */
@RestController
@RequestMapping("/api/v1/ha")
class PatternsController {

	private final PatternAnalysis analysis;

	private final Automations automations;

	PatternsController(PatternAnalysis analysis, Automations automations) {
		this.analysis = analysis;
		this.automations = automations;
	}

	@GetMapping("/patterns")
	@ApiResponse(responseCode = "200", description = "The patterns found",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = PatternReport.class)))
	ResponseEntity<byte[]> patterns(@RequestParam(defaultValue = "7") int days,
			@RequestParam(name = "entity_id", required = false) @Nullable String entityId,
			@RequestParam(required = false) @Nullable String domain,
			@RequestParam(defaultValue = "false") boolean fresh) {
		byte[] report = this.analysis.analyse(days, StringUtils.hasText(entityId) ? entityId : null,
				StringUtils.hasText(domain) ? domain : null, fresh);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

	/**
	 * Creates an automation, or replaces one that Archon created: 201 when it is new, 200
	 * when it replaced one, 409 when an automation of that id exists that Archon did not
	 * create, unless {@code replace=true} asks to overwrite it anyway.
	 */
	@PostMapping("/automations")
	ResponseEntity<SavedAutomation> create(@RequestBody @Valid AutomationRequest request,
			@RequestParam(defaultValue = "false") boolean replace) {
		SavedAutomation saved = this.automations.save(request.config(), replace);
		return saved.replaced() ? ResponseEntity.ok(saved)
				: ResponseEntity.created(URI.create("/api/v1/ha/automations/" + saved.id())).body(saved);
	}

}
