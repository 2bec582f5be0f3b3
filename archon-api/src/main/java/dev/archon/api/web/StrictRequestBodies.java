package dev.archon.api.web;

import java.util.Collection;
import java.util.Map;

import dev.archon.api.problem.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.jdk.UntypedObjectDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Reads request bodies strictly: a member the operation does not document is refused (a
 * misplaced {@code entity_id} is an error, not a call on nothing), a value must have the
 * JSON type its field documents (no number taken as a string, no string as a number or
 * boolean), and no string may hold the NUL character, which PostgreSQL cannot store and
 * no text of ours needs. Bodies are written, and other services' answers read, as before.
 */
public final class StrictRequestBodies implements ServerHttpMessageConvertersCustomizer, Ordered {

	private final JsonMapper strict;

	public StrictRequestBodies(JsonMapper jsonMapper) {
		this.strict = jsonMapper.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			.addModule(new SimpleModule("archon-strict-text").addDeserializer(String.class, new TextWithoutNul())
				.addKeyDeserializer(String.class, new KeyWithoutNul())
				.addDeserializer(Object.class, new UntypedWithoutNul()))
			.build();
	}

	@Override
	public void customize(HttpMessageConverters.ServerBuilder builder) {
		builder.withJsonConverter(new JacksonJsonHttpMessageConverter(this.strict));
	}

	/**
	 * After Spring Boot's own JSON converter, which this one replaces on the server side.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static final class KeyWithoutNul extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) {
			if (key.indexOf('\0') >= 0) {
				throw InvalidFormatException.from(context.getParser(), FieldError.NUL_REFUSED, key, String.class);
			}
			return key;
		}

	}

	/**
	 * Values of no declared type (a {@code Map<String, Object>}'s): their strings pass
	 * through {@link TextWithoutNul} already, but the member names of the objects nested
	 * in them are read without any key deserializer, so they are checked here.
	 */
	private static final class UntypedWithoutNul extends UntypedObjectDeserializer {

		UntypedWithoutNul() {
			super((JavaType) null, (JavaType) null);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			Object value = super.deserialize(parser, context);
			if (holdsNulName(value)) {
				return context.reportInputMismatch(this, FieldError.NUL_REFUSED);
			}
			return value;
		}

		private static boolean holdsNulName(@Nullable Object value) {
			if (value instanceof Map<?, ?> map) {
				for (Map.Entry<?, ?> member : map.entrySet()) {
					if (String.valueOf(member.getKey()).indexOf('\0') >= 0 || holdsNulName(member.getValue())) {
						return true;
					}
				}
			}
			else if (value instanceof Collection<?> items) {
				for (Object item : items) {
					if (holdsNulName(item)) {
						return true;
					}
				}
			}
			return false;
		}

	}

	private static final class TextWithoutNul extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = super.deserialize(parser, context);
			if (text != null && text.indexOf('\0') >= 0) {
				return (String) context.reportInputMismatch(this, FieldError.NUL_REFUSED);
			}
			return text;
		}

	}

}
