package dev.archon.ha.control;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.ha.state.InvalidEntityId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceCallTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void turnOnMayBeRepeatedButToggleMayNot() {
		assertThat(call("light", "turn_on").repeatable()).isTrue();
		assertThat(call("climate", "set_temperature").repeatable()).isTrue();
		assertThat(call("light", "toggle").repeatable()).isFalse();
		assertThat(call("input_number", "increment").repeatable()).isFalse();
	}

	@Test
	void rejectsEntityIdWithDoubleUnderscore() {
		assertThatExceptionOfType(InvalidEntityId.class).isThrownBy(() -> ServiceCall.of("light", "turn_on",
				this.json.readTree("{\"entity_id\":[\"light.ok\",\"light.not__ok\"]}"), null));
	}

	@Test
	void rejectsServiceNamesHomeAssistantCouldNotHave() {
		assertThatExceptionOfType(InvalidServiceCall.class).isThrownBy(() -> call("light", "turn-on"));
		assertThatExceptionOfType(InvalidServiceCall.class).isThrownBy(() -> call("Light", "turn_on"));
	}

	@Test
	void restBodyCarriesTheTargetInTheServiceData() {
		ServiceCall call = ServiceCall.of("light", "turn_on", this.json.readTree("{\"entity_id\":\"light.a\"}"),
				this.json.readTree("{\"brightness\":10}"));
		assertThat(call.restBody().toString()).isEqualTo("{\"brightness\":10,\"entity_id\":\"light.a\"}");
	}

	private static ServiceCall call(String domain, String service) {
		return ServiceCall.of(domain, service, null, null);
	}

}
