package dev.archon.api.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisCircuitTests {

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	void leavesRedisAloneAfterAFailure() {
		RedisCircuit circuit = new RedisCircuit(Duration.ofHours(1));

		assertThat(circuit.call(this::failing).answered()).isFalse();
		assertThat(circuit.call(this::answering).answered()).isFalse();
		assertThat(circuit.run(this::answering)).isFalse();

		assertThat(this.calls).as("calls that reached Redis").hasValue(1);
		assertThat(circuit.available()).isFalse();
	}

	@Test
	void asksAgainAfterTheBackoffAndTellsWhoWaitsForRedis() {
		RedisCircuit circuit = new RedisCircuit(Duration.ofMillis(50));
		AtomicInteger recoveries = new AtomicInteger();
		circuit.onRecovery(recoveries::incrementAndGet);
		circuit.call(this::failing);

		await().atMost(Duration.ofSeconds(5)).until(() -> circuit.call(this::answering).answered());

		assertThat(circuit.available()).isTrue();
		assertThat(recoveries).hasValue(1);
		assertThat(circuit.call(this::answering).value()).isEqualTo("PONG");
	}

	@Test
	void takesAMissingKeyForAnAnswer() {
		RedisCircuit circuit = new RedisCircuit(Duration.ofHours(1));

		RedisCircuit.Reply<String> reply = circuit.call(() -> null);

		assertThat(reply.answered()).isTrue();
		assertThat(reply.value()).isNull();
		assertThat(circuit.available()).isTrue();
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
