package dev.archon.api.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Names a field of a JSON body, and the JSON type it takes, as a caller of the API knows
 * them rather than as Java does.
 */
final class JsonFields {

	private JsonFields() {
	}

	/**
	 * The path of a field, such as {@code actions[0].service}.
	 * @param references Jackson's path to the field
	 * @return the path
	 */
	static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "(body)" : path.toString();
	}

	/**
	 * What a field must be.
	 * @param type the Java type the field is read into
	 * @param constraint a constraint the value broke, if it had the right type
	 * @return the expectation, such as {@code must be a string}
	 */
	static String expectation(@Nullable Class<?> type, @Nullable String constraint) {
		if (constraint != null) {
			return constraint;
		}
		return "must be " + jsonType(type);
	}

	private static String jsonType(@Nullable Class<?> type) {
		if (type == null) {
			return "of the documented type";
		}
		if (type == String.class || type == Character.class || type == char.class) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == Byte.class || type == byte.class
				|| type == BigInteger.class) {
			return "an integer";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
				|| type == BigDecimal.class) {
			return "a number";
		}
		if (type.isEnum()) {
			return "one of the documented values";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "an object";
		}
		return "a value of the documented format";
	}

}
