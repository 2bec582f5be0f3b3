package dev.archon.sim.ha.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import dev.archon.sim.SimToken;
import dev.archon.sim.ha.Faults;
import dev.archon.sim.ha.HaJson;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sets and clears faults of the Home Assistant simulator. Needs the simulator's token.
 * {@code {"mode":"latency","ms":200}} delays every REST answer and WebSocket command;
 * {@code {"mode":"error","rate":0.5}} fails half of REST requests with 500 and of service
 * calls over the WebSocket with {@code home_assistant_error}; {@code {"mode":
 * "drop-websocket"}} closes every open WebSocket now (and with a rate below 1, keeps
 * dropping connections at that rate per command until cleared).
 */
@RestController
@RequestMapping("/_sim/ha/faults")
class HaFaultsController {

	private final SimToken token;

	private final Faults faults;

	HaFaultsController(SimToken token, Faults faults) {
		this.token = token;
		this.faults = faults;
	}

	@GetMapping
	ResponseEntity<String> current(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		if (!this.token.matchesBearer(authorization)) {
			return unauthorized();
		}
		Faults.Fault fault = this.faults.current();
		return HaApiController.json(HttpStatus.OK, (fault != null) ? HaJson.write(describe(fault)) : "{\"mode\":null}");
	}

	@PostMapping
	ResponseEntity<String> set(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody(required = false) @Nullable String body) {
		if (!this.token.matchesBearer(authorization)) {
			return unauthorized();
		}
		Map<?, ?> request;
		try {
			request = (body != null) ? HaJson.MAPPER.readValue(body, Map.class) : null;
		}
		catch (JacksonException ex) {
			request = null;
		}
		if (request == null) {
			return HaApiController.message(HttpStatus.BAD_REQUEST, "Invalid JSON specified.");
		}
		Faults.Mode mode = Faults.Mode.of((request.get("mode") instanceof String text) ? text : null);
		if (mode == null) {
			return HaApiController.message(HttpStatus.BAD_REQUEST,
					"mode must be one of latency, error, drop-websocket");
		}
		long ms = (request.get("ms") instanceof Number number) ? number.longValue() : 0;
		double rate = (request.get("rate") instanceof Number number) ? number.doubleValue() : 1.0;
		if (ms < 0 || ms > 600_000 || rate < 0 || rate > 1) {
			return HaApiController.message(HttpStatus.BAD_REQUEST, "ms must be 0 to 600000 and rate 0 to 1");
		}
		if (mode == Faults.Mode.LATENCY && ms == 0) {
			return HaApiController.message(HttpStatus.BAD_REQUEST, "latency needs ms");
		}
		Faults.Fault fault = new Faults.Fault(mode, ms, rate);
		this.faults.set(fault);
		return HaApiController.json(HttpStatus.OK, HaJson.write(describe(fault)));
	}

	@DeleteMapping
	ResponseEntity<String> clear(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		if (!this.token.matchesBearer(authorization)) {
			return unauthorized();
		}
		this.faults.clear();
		return ResponseEntity.noContent().build();
	}

	private static Map<String, Object> describe(Faults.Fault fault) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("mode", fault.mode().wire());
		description.put("ms", fault.ms());
		description.put("rate", fault.rate());
		return description;
	}

	private static ResponseEntity<String> unauthorized() {
		return HaApiController.message(HttpStatus.UNAUTHORIZED, "401: Unauthorized");
	}

}
