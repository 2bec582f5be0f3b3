package dev.archon.sim.ha;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityIdsTests {

	@Test
	void acceptsOrdinaryIds() {
		assertThat(EntityIds.isValid("light.kitchen")).isTrue();
		assertThat(EntityIds.isValid("sensor.room_17_temperature")).isTrue();
		assertThat(EntityIds.isValid("binary_sensor.a1")).isTrue();
	}

	@Test
	void rejectsEntityIdWithDoubleUnderscore() {
		assertThat(EntityIds.isValid("light.kitchen__lamp")).isFalse();
		assertThat(EntityIds.isValid("binary__sensor.door")).isFalse();
	}

	@Test
	void rejectsLeadingOrTrailingUnderscoresUpperCaseAndMissingParts() {
		assertThat(EntityIds.isValid("_light.kitchen")).isFalse();
		assertThat(EntityIds.isValid("light_.kitchen")).isFalse();
		assertThat(EntityIds.isValid("light._kitchen")).isFalse();
		assertThat(EntityIds.isValid("light.kitchen_")).isFalse();
		assertThat(EntityIds.isValid("Light.kitchen")).isFalse();
		assertThat(EntityIds.isValid("light")).isFalse();
		assertThat(EntityIds.isValid("light.kitchen.lamp")).isFalse();
		assertThat(EntityIds.isValid("light.küche")).isFalse();
	}

	@Test
	void makesSortableUlids() {
		String earlier = Ulid.at(1_700_000_000_000L);
		String later = Ulid.at(1_700_000_000_001L);
		assertThat(earlier).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
		assertThat(earlier.substring(0, 10)).isLessThan(later.substring(0, 10));
		assertThat(Ulid.of(0, 0, 0)).isEqualTo("00000000000000000000000000");
		assertThat(Ulid.of(0xFFFF_FFFF_FFFFL, -1, -1)).isEqualTo("7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
	}

}
