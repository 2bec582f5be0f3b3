package dev.archon.api.problem;

import org.jspecify.annotations.Nullable;

/**
 * One invalid part of a request, as listed in a validation problem.
 *
 * @param field the path of the invalid field (such as {@code documents[2].content}), or
 * the parameter's name
 * @param message why it is invalid
 */
public record FieldError(@Nullable String field, String message) {

	/**
	 * What a text field holding the NUL character is told: the body reader refuses it,
	 * and the problem handler passes this message on as the field's error.
	 */
	public static final String NUL_REFUSED = "must not contain the NUL character (U+0000)";

}
