package dev.archon.api.problem;

import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error that no service-specific advice claims with a problem from the
 * catalogue: Spring MVC's own (unknown routes, wrong methods, bad JSON, unsupported media
 * types), validation failures with each invalid field listed, and anything unexpected as
 * a 500 that reveals nothing of the server's insides. Services map their domain
 * exceptions in advices of their own, which take precedence over this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ArchonProblemHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ArchonProblemHandler.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), message(error.getDefaultMessage())))
			.toList();
		List<FieldError> globalErrors = ex.getBindingResult()
			.getGlobalErrors()
			.stream()
			.map((error) -> new FieldError(null, message(error.getDefaultMessage())))
			.toList();
		return validationProblem(concat(errors, globalErrors), headers);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldError(parameterName(result), message(error.getDefaultMessage()))))
			.toList();
		return validationProblem(errors, headers);
	}

	/**
	 * Says what is wrong with a body in the API's words: the field and the JSON type it
	 * takes, or where the JSON breaks. Never Jackson's message, which names Java classes.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		ProblemDetail problem;
		if (cause instanceof MismatchedInputException mismatch) {
			problem = validation(List.of(new FieldError(JsonFields.path(mismatch.getPath()),
					JsonFields.expectation(mismatch.getTargetType(), constraint(mismatch)))));
		}
		else if (cause instanceof StreamReadException unreadable && unreadable.getLocation() != null) {
			problem = Problems.of(ProblemType.MALFORMED_BODY,
					"The body is not valid JSON: it breaks at line " + unreadable.getLocation().getLineNr()
							+ ", column " + unreadable.getLocation().getColumnNr() + ".");
		}
		else if (cause == ex && String.valueOf(ex.getMessage()).startsWith("Required request body is missing")) {
			problem = Problems.of(ProblemType.MALFORMED_BODY, "This operation needs a JSON body.");
		}
		else {
			problem = Problems.of(ProblemType.MALFORMED_BODY,
					"The body must be a JSON document of the documented shape.");
		}
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	private static @Nullable String constraint(MismatchedInputException mismatch) {
		if (mismatch instanceof UnrecognizedPropertyException) {
			return "is not a member of this body";
		}
		return FieldError.NUL_REFUSED.equals(mismatch.getOriginalMessage()) ? mismatch.getOriginalMessage() : null;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()))
			.toList();
		ProblemDetail problem = validation(errors);
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	/**
	 * Spring Security's firewall checks parameters when they are first read, so a control
	 * character in one is refused from inside a controller.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleRequestRejected(RequestRejectedException ex) {
		ProblemDetail problem = Problems.of(ProblemType.BAD_REQUEST,
				"A parameter or header holds a control character, which no field of this API accepts.");
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		logger.error("Unexpected error while handling a request", ex);
		ProblemDetail problem = Problems.of(ProblemType.INTERNAL,
				"Something went wrong on our side. Quote the request id when you report it.");
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static ResponseEntity<Object> validationProblem(List<FieldError> errors, HttpHeaders headers) {
		ProblemDetail problem = validation(errors);
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	private static ProblemDetail validation(List<FieldError> errors) {
		String summary = (errors.size() == 1) ? "1 field is invalid" : errors.size() + " fields are invalid";
		ProblemDetail problem = Problems.of(ProblemType.VALIDATION, summary + ": see errors");
		problem.setProperty(Problems.ERRORS, errors);
		return problem;
	}

	/**
	 * The path of a violated constraint as a caller knows it: without the name of the
	 * Java method that was validated.
	 */
	private static String fieldPath(Path path) {
		StringBuilder field = new StringBuilder();
		for (Path.Node node : path) {
			if (node.getKind() == ElementKind.METHOD) {
				continue;
			}
			if (!field.isEmpty()) {
				field.append('.');
			}
			field.append(node);
		}
		return field.toString();
	}

	private static @Nullable String parameterName(ParameterValidationResult result) {
		return result.getMethodParameter().getParameterName();
	}

	private static String message(@Nullable String message) {
		return (message != null) ? message : "is invalid";
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		return Stream.concat(first.stream(), second.stream()).toList();
	}

}
