package dev.archon.ha.web;

import dev.archon.ha.client.CommandFailed;
import dev.archon.ha.control.HomeAssistantUnavailable;
import dev.archon.ha.control.InvalidServiceCall;
import dev.archon.ha.control.RateLimited;
import dev.archon.ha.control.ServiceNotAllowed;
import dev.archon.ha.patterns.ForeignAutomationExists;
import dev.archon.ha.patterns.InvalidAutomation;
import dev.archon.ha.problem.HaProblems;
import dev.archon.ha.state.EntityNotFound;
import dev.archon.ha.state.InvalidEntityId;

import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the bridge's own failures with their problems; whatever it does not name is
 * left to archon-api's handler of last resort.
 */
@RestControllerAdvice
class HaExceptionHandler {

	@ExceptionHandler({ InvalidEntityId.class, EntityNotFound.class, InvalidServiceCall.class, ServiceNotAllowed.class,
			RateLimited.class, HomeAssistantUnavailable.class, CommandFailed.class, InvalidAutomation.class,
			ForeignAutomationExists.class })
	ErrorResponse handle(RuntimeException ex) {
		return HaProblems.of(ex);
	}

}
