package dev.archon.api;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings every Archon service shares.
 *
 * @param keys the API keys that may call {@code /api/**}: plain keys, or
 * {@code sha256:<hex>} for a key stored only as its SHA-256 digest (from
 * {@code ARCHON_API_KEYS}, comma separated)
 * @param outboundKey the key this service presents when it calls another Archon service
 * (from {@code ARCHON_API_KEY})
 * @param instance the name of this instance in metrics and logs, such as {@code vector-1}
 * @param maxBodySize the largest request body accepted; larger ones are refused with 413
 * @param client timeouts and circuit breaking of calls to other services
 */
@Validated
@ConfigurationProperties("archon.api")
public record ArchonApiProperties(@DefaultValue List<String> keys, @Nullable String outboundKey,
		@DefaultValue("local") String instance, @DefaultValue("10MB") @NotNull DataSize maxBodySize,
		@DefaultValue @Valid Client client) {

	/**
	 * How this service calls the others.
	 *
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
	 * @param failureRateThreshold percentage of failed calls, over the sliding window,
	 * that opens a target's circuit
	 * @param openFor how long an open circuit refuses calls before it lets a few through
	 */
	public record Client(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
			@DefaultValue("50") float failureRateThreshold, @DefaultValue("10s") Duration openFor) {

	}

}
