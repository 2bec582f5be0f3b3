package dev.archon.api.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisCircuitTests {

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicBoolean redisUp = new AtomicBoolean();

	private final List<RedisCircuit> circuits = new ArrayList<>();

	@AfterEach
	void close() {
		this.circuits.forEach(RedisCircuit::close);
	}

	@Test
	void leavesRedisAloneAfterAFailure() {
		RedisCircuit circuit = circuit(Duration.ofHours(1));

		assertThat(circuit.call(this::failing).answered()).isFalse();
		assertThat(circuit.call(this::answering).answered()).isFalse();
		assertThat(circuit.run(this::answering)).isFalse();

		assertThat(this.calls).as("calls that reached Redis").hasValue(1);
		assertThat(circuit.available()).isFalse();
	}

	@Test
	void pingsRedisWhileOpenAndClosesOnceItAnswers() {
		RedisCircuit circuit = circuit(Duration.ofMillis(50));
		AtomicInteger recoveries = new AtomicInteger();
		circuit.onRecovery(recoveries::incrementAndGet);
		circuit.call(this::failing);

		this.redisUp.set(true);

		await().atMost(Duration.ofSeconds(5)).until(circuit::available);
		assertThat(recoveries).hasValue(1);
		assertThat(this.calls).as("calls besides the pings").hasValue(1);
		assertThat(circuit.call(this::answering).value()).isEqualTo("PONG");
	}

	@Test
	void takesAMissingKeyForAnAnswer() {
		RedisCircuit circuit = circuit(Duration.ofHours(1));

		RedisCircuit.Reply<String> reply = circuit.call(() -> null);

		assertThat(reply.answered()).isTrue();
		assertThat(reply.value()).isNull();
		assertThat(circuit.available()).isTrue();
	}

	private RedisCircuit circuit(Duration backoff) {
		RedisCircuit circuit = new RedisCircuit(backoff, () -> {
			if (!this.redisUp.get()) {
				throw new RedisConnectionFailureException("Connection refused");
			}
		});
		this.circuits.add(circuit);
		return circuit;
	}

	private String failing() {
		this.calls.incrementAndGet();
		throw new RedisConnectionFailureException("Connection refused");
	}

	private String answering() {
		this.calls.incrementAndGet();
		return "PONG";
	}

}
