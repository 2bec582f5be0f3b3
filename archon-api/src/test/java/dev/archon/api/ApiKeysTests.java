package dev.archon.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.archon.api.security.ApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiKeysTests {

	@Test
	void acceptsConfiguredPlainKey() {
		ApiKeys keys = ApiKeys.of(List.of("alpha", " beta "));
		assertThat(keys.accepts("alpha")).isTrue();
		assertThat(keys.accepts("beta")).isTrue();
		assertThat(keys.accepts("gamma")).isFalse();
	}

	@Test
	void acceptsKeyConfiguredAsItsDigest() {
		// sha256("alpha")
		ApiKeys keys = ApiKeys.of(List.of("SHA256:8ED3F6AD685B959EAD7022518E1AF76CD816F8E8EC7CCDDA1ED4018E8F2223F8"));
		assertThat(keys.accepts("alpha")).isTrue();
		assertThat(keys.accepts("8ed3f6ad685b959ead7022518e1af76cd816f8e8ec7ccdda1ed4018e8f2223f8")).isFalse();
	}

	@Test
	void refusesEverythingWhenNoKeyIsConfigured() {
		ApiKeys keys = ApiKeys.of(List.of("", "  "));
		assertThat(keys.isEmpty()).isTrue();
		assertThat(keys.accepts("")).isFalse();
		assertThat(keys.accepts(null)).isFalse();
		assertThat(keys.accepts("anything")).isFalse();
	}

	@Test
	void labelsAKeyByTheStartOfItsDigest() {
		// sha256("alpha") starts with 8ed3f6ad685b
		assertThat(ApiKeys.label("alpha")).isEqualTo("key-8ed3f6ad685b");
		assertThat(ApiKeys.label("beta")).isNotEqualTo(ApiKeys.label("alpha")).doesNotContain("beta");
	}

	@Test
	void rejectsMalformedDigest() {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKeys.of(List.of("sha256:xyz")))
			.withMessageContaining("64 hexadecimal digits");
	}

}
