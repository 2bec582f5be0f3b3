package dev.archon.sim.ha;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One field of a service's schema, checked the way voluptuous checks it and described the
 * way {@code services.yaml} describes it.
 *
 * @param key the field's key
 * @param description what it does
 * @param type its type
 * @param required whether it must be given
 * @param min the smallest number allowed
 * @param max the largest number allowed
 * @param options the allowed values of a {@link Type#SELECT}
 */
public record ServiceField(String key, String description, Type type, boolean required, @Nullable Double min,
		@Nullable Double max, List<String> options) {

	public static ServiceField optional(String key, String description, Type type) {
		return new ServiceField(key, description, type, false, null, null, List.of());
	}

	public static ServiceField number(String key, String description, Type type, boolean required, double min,
			double max) {
		return new ServiceField(key, description, type, required, min, max, List.of());
	}

	public static ServiceField select(String key, String description, boolean required, List<String> options) {
		return new ServiceField(key, description, Type.SELECT, required, null, null, options);
	}

	/**
	 * Checks and converts a value.
	 * @param value the value as parsed from JSON
	 * @return the value as the service uses it
	 * @throws InvalidServiceData when the value does not fit
	 */
	public Object coerce(@Nullable Object value) {
		String where = " for dictionary value @ data['" + this.key + "']";
		switch (this.type) {
			case INT, FLOAT -> {
				double number;
				if (value instanceof Number n) {
					number = n.doubleValue();
				}
				else if (value instanceof String text) {
					try {
						number = Double.parseDouble(text.trim());
					}
					catch (NumberFormatException ex) {
						throw new InvalidServiceData("expected " + typeName() + where);
					}
				}
				else {
					throw new InvalidServiceData("expected " + typeName() + where);
				}
				if (this.min != null && number < this.min) {
					throw new InvalidServiceData("value must be at least " + format(this.min) + where);
				}
				if (this.max != null && number > this.max) {
					throw new InvalidServiceData("value must be at most " + format(this.max) + where);
				}
				return (this.type == Type.INT) ? (Object) (int) Math.round(number) : (Object) number;
			}
			case BOOLEAN -> {
				if (value instanceof Boolean bool) {
					return bool;
				}
				if (value instanceof String text && List.of("true", "false", "on", "off").contains(text)) {
					return "true".equals(text) || "on".equals(text);
				}
				throw new InvalidServiceData("expected boolean" + where);
			}
			case SELECT -> {
				if (value instanceof String text && this.options.contains(text)) {
					return text;
				}
				throw new InvalidServiceData("value must be one of " + this.options + where);
			}
			case STRING -> {
				if (value instanceof String || value instanceof Number) {
					return String.valueOf(value);
				}
				throw new InvalidServiceData("expected str" + where);
			}
			default -> {
				if (value == null) {
					throw new InvalidServiceData("expected a value" + where);
				}
				return value;
			}
		}
	}

	Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("name", DemoNames.title(this.key));
		description.put("description", this.description);
		if (this.required) {
			description.put("required", true);
		}
		Map<String, Object> selector = new LinkedHashMap<>();
		switch (this.type) {
			case INT, FLOAT -> {
				Map<String, Object> number = new LinkedHashMap<>();
				if (this.min != null) {
					number.put("min", this.min);
				}
				if (this.max != null) {
					number.put("max", this.max);
				}
				selector.put("number", number);
			}
			case BOOLEAN -> selector.put("boolean", Map.of());
			case SELECT -> selector.put("select", Map.of("options", this.options));
			case STRING -> selector.put("text", Map.of());
			default -> selector.put("object", Map.of());
		}
		description.put("selector", selector);
		return description;
	}

	private String typeName() {
		return (this.type == Type.INT) ? "int" : "float";
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	/**
	 * Field types.
	 */
	public enum Type {

		/** A whole number. */
		INT,
		/** A number. */
		FLOAT,
		/** True or false. */
		BOOLEAN,
		/** A string. */
		STRING,
		/** One of a list of strings. */
		SELECT,
		/** Anything. */
		ANY

	}

}
