package dev.archon.sim.thirdparty.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.archon.sim.SimToken;
import dev.archon.sim.thirdparty.ReceivedRequest;
import dev.archon.sim.thirdparty.ReceivedRequests;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the third-party fakes received, behind the simulator's token, for tests that run
 * the simulator in another process: {@code GET /_sim/thirdparty/requests[?api=slack]}
 * lists the requests, oldest first, with the answers they got; {@code DELETE} forgets
 * them.
 */
@RestController
@RequestMapping("/_sim/thirdparty/requests")
class ThirdPartyControlController {

	private final SimToken token;

	private final ReceivedRequests received;

	ThirdPartyControlController(SimToken token, ReceivedRequests received) {
		this.token = token;
		this.received = received;
	}

	@GetMapping
	ResponseEntity<?> requests(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestParam(required = false) @Nullable String api) {
		if (!this.token.matchesBearer(authorization)) {
			return unauthorized();
		}
		List<ReceivedRequest> requests = (api != null) ? this.received.of(api) : this.received.all();
		return ResponseEntity.ok(requests);
	}

	@DeleteMapping
	ResponseEntity<?> forget(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		if (!this.token.matchesBearer(authorization)) {
			return unauthorized();
		}
		this.received.clear();
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<?> unauthorized() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "401: Unauthorized"));
	}

}
