package dev.archon.api.lease;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renewal ticks are driven by the tests; the keeper's own timer, at a third of an hour,
 * never fires during them.
 */
class LeaseKeeperTests {

	private static final Duration LEASE = Duration.ofHours(1);

	private final List<UUID> renewed = new ArrayList<>();

	private final Set<UUID> gone = new HashSet<>();

	private final LeaseKeeper keeper = new LeaseKeeper("test", LEASE, (id, owner, lease) -> {
		this.renewed.add(id);
		assertThat(lease).isEqualTo(LEASE);
		return !this.gone.contains(id);
	});

	@AfterEach
	void close() {
		this.keeper.close();
	}

	@Test
	void renewsEveryHeldLeaseUntilItsHandleIsClosed() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		LeaseKeeper.Held held = this.keeper.hold(first, "me", () -> {
		});
		this.keeper.hold(second, "me", () -> {
		});

		this.keeper.renewAll();
		held.close();
		this.keeper.renewAll();

		assertThat(this.renewed).containsExactlyInAnyOrder(first, second, second);
	}

	@Test
	void tellsTheHolderOnceWhenItsLeaseIsGone() {
		UUID id = UUID.randomUUID();
		AtomicInteger lost = new AtomicInteger();
		this.keeper.hold(id, "me", lost::incrementAndGet);
		this.gone.add(id);

		this.keeper.renewAll();
		this.keeper.renewAll();

		assertThat(lost).hasValue(1);
		assertThat(this.renewed).containsExactly(id);
	}

	@Test
	void triesAgainAfterARenewalFails() {
		UUID id = UUID.randomUUID();
		AtomicInteger attempts = new AtomicInteger();
		AtomicInteger lost = new AtomicInteger();
		try (LeaseKeeper failingOnce = new LeaseKeeper("flaky", LEASE, (leased, owner, lease) -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("the database is away");
			}
			return true;
		})) {
			failingOnce.hold(id, "me", lost::incrementAndGet);

			failingOnce.renewAll();
			failingOnce.renewAll();
		}

		assertThat(attempts).hasValue(2);
		assertThat(lost).hasValue(0);
	}

}
