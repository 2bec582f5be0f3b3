package dev.archon.api.wire.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One message of a conversation. Only text: the gateway offers no tools or images.
 *
 * @param role {@code system}, {@code developer} (OpenAI's newer name for system),
 * {@code user} or {@code assistant}
 * @param content its text, not blank (a provider has nothing to read in a blank message,
 * and some refuse one), up to 1,000,000 characters
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionMessage(@NotNull @Pattern(regexp = "system|developer|user|assistant") String role,
		@NotBlank @Size(max = 1_000_000) String content) {

}
