package dev.archon.sim.llm.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.archon.sim.SimToken;
import dev.archon.sim.llm.Fault;
import dev.archon.sim.llm.FaultMode;
import dev.archon.sim.llm.Latency;
import dev.archon.sim.llm.LlmFaults;
import dev.archon.sim.llm.LlmStats;
import dev.archon.sim.llm.Provider;

/**
 * Run-time control of the simulated providers, behind the simulator's token:
 * <ul>
 * <li>{@code POST /_sim/llm/faults}
 * {@code {"provider","mode","status"?,"rate"?,"ms"?,"code"?,"retryAfterSeconds"?}}
 * injects a fault (replacing the provider's previous one);</li>
 * <li>{@code POST /_sim/llm/latency} {@code {"provider"?,"fixedMs"?,"perTokenMs"?}} sets
 * latency, for one provider or (without {@code provider}) both;</li>
 * <li>{@code DELETE /_sim/llm/faults[?provider=]} removes faults and latency;
 * {@code GET /_sim/llm/faults} shows them;</li>
 * <li>{@code GET /_sim/llm/stats} counts requests per provider; {@code DELETE} resets the
 * counts.</li>
 * </ul>
 */
@RestController
@RequestMapping("/_sim/llm")
class LlmControlController {

	private static final double PPM = 1_000_000d;

	private final SimToken token;

	private final LlmFaults faults;

	private final LlmStats stats;

	LlmControlController(SimToken token, LlmFaults faults, LlmStats stats) {
		this.token = token;
		this.faults = faults;
		this.stats = stats;
	}

	@PostMapping("/faults")
	ResponseEntity<?> inject(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			HttpServletRequest http) throws IOException {
		byte[] body = http.getInputStream().readAllBytes();
		if (!this.token.matchesBearer(authorization)) {
			return unauthorized();
		}
		JsonNode request = parse(body);
		Provider provider = Provider.of(request.path("provider").asString(null));
		FaultMode mode = FaultMode.of(request.path("mode").asString(null));
		if (provider == null) {
			return badRequest("provider must be openai or anthropic");
		}
		if (mode == null) {
			return badRequest("mode must be status, timeout, slow, drop-mid-stream or error-event");
		}
		int status = request.path("status").asInt(ProviderErrors.defaultStatus(provider));
		double rate = request.path("rate").asDouble(1.0);
		long ms = request.path("ms").asLong((mode == FaultMode.SLOW) ? 1000 : 0);
		int retryAfter = request.path("retryAfterSeconds").asInt(1);
		if (status < 400 || status > 599) {
			return badRequest("status must be an HTTP error status, 400 to 599");
		}
		if (!(rate > 0 && rate <= 1)) {
			return badRequest("rate must be more than 0 and at most 1");
		}
		if (ms < 0 || retryAfter < 0) {
			return badRequest("ms and retryAfterSeconds must not be negative");
		}
		Fault fault = new Fault(mode, status, Math.round(rate * PPM), ms, request.path("code").asString(null),
				retryAfter);
		this.faults.inject(provider, fault);
		return ResponseEntity.ok(Map.of(provider.id(), view(fault)));
	}

	@PostMapping("/latency")
	ResponseEntity<?> latency(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			HttpServletRequest http) throws IOException {
		byte[] body = http.getInputStream().readAllBytes();
		if (!this.token.matchesBearer(authorization)) {
			return unauthorized();
		}
		JsonNode request = parse(body);
		String name = request.path("provider").asString(null);
		Provider provider = Provider.of(name);
		if (name != null && provider == null) {
			return badRequest("provider must be openai or anthropic, or absent for both");
		}
		Latency latency = new Latency(request.path("fixedMs").asLong(0), request.path("perTokenMs").asLong(0));
		if (latency.fixedMs() < 0 || latency.perTokenMs() < 0) {
			return badRequest("fixedMs and perTokenMs must not be negative");
		}
		for (Provider each : Provider.values()) {
			if (provider == null || provider == each) {
				this.faults.latency(each, latency);
			}
		}
		return settings();
	}

	@GetMapping("/faults")
	ResponseEntity<?> faults(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		return this.token.matchesBearer(authorization) ? settings() : unauthorized();
	}

	@DeleteMapping("/faults")
	ResponseEntity<?> reset(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			@RequestParam(required = false) @Nullable String provider) {
		if (!this.token.matchesBearer(authorization)) {
			return unauthorized();
		}
		Provider selected = Provider.of(provider);
		if (provider != null && selected == null) {
			return badRequest("provider must be openai or anthropic, or absent for both");
		}
		this.faults.reset(selected);
		return settings();
	}

	@GetMapping("/stats")
	ResponseEntity<?> stats(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		return this.token.matchesBearer(authorization) ? ResponseEntity.ok(this.stats.snapshot()) : unauthorized();
	}

	@DeleteMapping("/stats")
	ResponseEntity<?> resetStats(
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		if (!this.token.matchesBearer(authorization)) {
			return unauthorized();
		}
		this.stats.reset();
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<?> settings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		this.faults.settings().forEach((provider, current) -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("fault", (current.fault() != null) ? view(current.fault()) : null);
			view.put("latency",
					Map.of("fixedMs", current.latency().fixedMs(), "perTokenMs", current.latency().perTokenMs()));
			settings.put(provider, view);
		});
		return ResponseEntity.ok(settings);
	}

	private static Map<String, Object> view(Fault fault) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("mode", fault.mode().id());
		view.put("status", fault.status());
		view.put("rate", fault.ratePpm() / PPM);
		view.put("ms", fault.ms());
		view.put("code", fault.code());
		view.put("retryAfterSeconds", fault.retryAfterSeconds());
		return view;
	}

	private static JsonNode parse(byte @Nullable [] body) {
		try {
			return (body != null && body.length > 0) ? Json.read(body) : Json.object();
		}
		catch (RuntimeException ex) {
			return Json.object();
		}
	}

	private static ResponseEntity<?> unauthorized() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(Map.of("message", "The simulator's token is required: Authorization: Bearer <token>"));
	}

	private static ResponseEntity<?> badRequest(String message) {
		return ResponseEntity.badRequest().body(Map.of("message", message));
	}

}
