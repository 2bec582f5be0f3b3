package dev.archon.sim.llm;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultTests {

	@Test
	void rateAffectsAnExactShareOfRequestsInAFixedOrder() {
		Fault half = fault(500_000);
		Fault tenth = fault(100_000);

		assertThat(LongStream.rangeClosed(1, 6).filter(half::affects).boxed()).containsExactly(2L, 4L, 6L);
		assertThat(LongStream.rangeClosed(1, 100).filter(tenth::affects).count()).isEqualTo(10);
		assertThat(LongStream.rangeClosed(1, 5).allMatch(fault(Fault.ALL)::affects)).isTrue();
	}

	@Test
	void faultsStopApplyingOnceReset() {
		LlmFaults faults = new LlmFaults();
		faults.inject(Provider.OPENAI, fault(Fault.ALL));

		assertThat(faults.plan(Provider.OPENAI).fault()).isNotNull();
		assertThat(faults.plan(Provider.ANTHROPIC).fault()).isNull();
		faults.reset(null);
		assertThat(faults.plan(Provider.OPENAI).fault()).isNull();
	}

	@Test
	void resetLetsHeldRequestsGo() {
		LlmFaults faults = new LlmFaults();
		faults.inject(Provider.ANTHROPIC, new Fault(FaultMode.TIMEOUT, 504, Fault.ALL, 0, null, 0));
		LlmFaults.Plan plan = faults.plan(Provider.ANTHROPIC);
		faults.reset(Provider.ANTHROPIC);

		assertThat(faults.hold(plan, 60_000)).isTrue();
	}

	private static Fault fault(long ratePpm) {
		return new Fault(FaultMode.STATUS, 503, ratePpm, 0, null, 1);
	}

}
