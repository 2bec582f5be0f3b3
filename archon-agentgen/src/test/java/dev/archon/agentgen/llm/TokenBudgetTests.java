package dev.archon.agentgen.llm;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider's tokens per minute, on a clock the test moves.
 */
class TokenBudgetTests {

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void refusesACallTheBudgetCannotCoverUntilItRefills() {
		TokenBudget budget = new TokenBudget(6_000, this.nanos::get);
		assertThat(budget.tryReserve(4_000)).isTrue();
		assertThat(budget.tryReserve(4_000)).isFalse();
		assertThat(budget.available()).isEqualTo(2_000);
		// 6,000 a minute is 100 a second: 20 seconds bring back the 2,000 missing.
		this.nanos.addAndGet(TimeUnit.SECONDS.toNanos(20));
		assertThat(budget.tryReserve(4_000)).isTrue();
	}

	@Test
	void settlesAReservationWithTheUsageTheProviderReported() {
		TokenBudget budget = new TokenBudget(6_000, this.nanos::get);
		assertThat(budget.tryReserve(4_000)).isTrue();
		budget.settle(4_000, 1_000);
		assertThat(budget.available()).isEqualTo(5_000);
		// A call that used more than expected leaves the budget in debt.
		assertThat(budget.tryReserve(1_000)).isTrue();
		budget.settle(1_000, 7_000);
		assertThat(budget.available()).isEqualTo(-2_000);
		assertThat(budget.tryReserve(1)).isFalse();
	}

	@Test
	void neverRefillsBeyondOneMinutesWorth() {
		TokenBudget budget = new TokenBudget(6_000, this.nanos::get);
		assertThat(budget.tryReserve(1_000)).isTrue();
		budget.settle(1_000, 0);
		this.nanos.addAndGet(TimeUnit.MINUTES.toNanos(5));
		assertThat(budget.available()).isEqualTo(6_000);
	}

	@Test
	void letsACallLargerThanAMinutesBudgetGoWhenTheBudgetIsFull() {
		TokenBudget budget = new TokenBudget(1_000, this.nanos::get);
		assertThat(budget.tryReserve(5_000)).isTrue();
		assertThat(budget.tryReserve(5_000)).isFalse();
	}

	@Test
	void limitsNothingWithoutATokensPerMinute() {
		TokenBudget budget = new TokenBudget(0, this.nanos::get);
		assertThat(budget.tryReserve(Long.MAX_VALUE / 2)).isTrue();
		assertThat(budget.tryReserve(Long.MAX_VALUE / 2)).isTrue();
		assertThat(budget.available()).isNull();
	}

}
