package dev.archon.agentgen.gateway.web;

import java.time.Duration;

import dev.archon.agentgen.gateway.ModelNotFound;
import dev.archon.agentgen.llm.CallRejected;
import dev.archon.agentgen.llm.NoProviderAvailable;
import dev.archon.agentgen.llm.StreamInterrupted;
import dev.archon.api.wire.gateway.OpenAiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The gateway's errors in OpenAI's body, with the status OpenAI would answer, ahead of
 * the service's problem documents: OpenAI's clients parse this body, not RFC 9457.
 */
@RestControllerAdvice(assignableTypes = ChatCompletionsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenAiErrors {

	private static final Logger logger = LoggerFactory.getLogger(OpenAiErrors.class);

	private static final String INVALID_REQUEST = "invalid_request_error";

	private static final String SERVER_ERROR = "server_error";

	@ExceptionHandler
	ResponseEntity<OpenAiError> invalid(MethodArgumentNotValidException ex) {
		FieldError field = ex.getBindingResult().getFieldError();
		String param = (field != null) ? field.getField() : null;
		String message = (field != null) ? "'" + field.getField() + "' " + field.getDefaultMessage()
				: "The request is not valid.";
		return answer(HttpStatus.BAD_REQUEST, OpenAiError.of(message, INVALID_REQUEST, param, "invalid_value"));
	}

	@ExceptionHandler
	ResponseEntity<OpenAiError> unreadable(HttpMessageNotReadableException ex) {
		return answer(HttpStatus.BAD_REQUEST,
				OpenAiError.of(
						"We could not parse the JSON body of your request: it must be a chat completion request.",
						INVALID_REQUEST, null, "invalid_json"));
	}

	@ExceptionHandler
	ResponseEntity<OpenAiError> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, OpenAiError.of("Send the request as application/json.",
				INVALID_REQUEST, null, "unsupported_media_type"));
	}

	@ExceptionHandler
	ResponseEntity<OpenAiError> modelNotFound(ModelNotFound ex) {
		return answer(HttpStatus.NOT_FOUND, bodyOf(ex));
	}

	@ExceptionHandler
	ResponseEntity<OpenAiError> rejected(CallRejected ex) {
		return answer(HttpStatusCode.valueOf(ex.status()), bodyOf(ex));
	}

	@ExceptionHandler
	ResponseEntity<OpenAiError> unavailable(NoProviderAvailable ex) {
		// Without a cooldown to wait for, the providers failed just now: a client may try
		// again soon, and every 503 of Archon says when.
		Duration retryAfter = (ex.retryAfter() != null) ? ex.retryAfter() : Duration.ZERO;
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds() + 1))
			.body(bodyOf(ex));
	}

	@ExceptionHandler
	ResponseEntity<OpenAiError> unexpected(Exception ex) {
		return answer(HttpStatus.INTERNAL_SERVER_ERROR, bodyOf(ex));
	}

	/**
	 * The body for an exception of the pool or the gateway, also for an error event
	 * ending a stream that has started.
	 * @param ex the exception
	 * @return the body
	 */
	static OpenAiError bodyOf(Exception ex) {
		return switch (ex) {
			case ModelNotFound notFound ->
				OpenAiError.of(notFound.getMessage(), INVALID_REQUEST, "model", "model_not_found");
			case CallRejected rejected -> OpenAiError.of("The provider refused the request: " + rejected.getMessage(),
					INVALID_REQUEST, null, "rejected_by_provider");
			case NoProviderAvailable unavailable ->
				OpenAiError.of(unavailable.getMessage(), SERVER_ERROR, null, "no_provider_available");
			case StreamInterrupted interrupted -> OpenAiError.of(
					"The provider's stream broke off after it had started answering: " + interrupted.getMessage(),
					SERVER_ERROR, null, "stream_interrupted");
			default -> {
				logger.error("Unexpected error while answering a chat completion", ex);
				yield OpenAiError.of("Something went wrong on our side.", SERVER_ERROR, null, "internal_error");
			}
		};
	}

	private static ResponseEntity<OpenAiError> answer(HttpStatusCode status, OpenAiError error) {
		return ResponseEntity.status(status).body(error);
	}

}
