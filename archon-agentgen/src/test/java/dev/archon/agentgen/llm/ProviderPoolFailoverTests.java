package dev.archon.agentgen.llm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.archon.agentgen.llm.LlmCall.TemplateInput;
import dev.archon.api.wire.agents.ProviderState;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Each failover rule, against archon-sim's simulated OpenAI and Anthropic.
 */
class ProviderPoolFailoverTests {

	private static SimulatedProviders sim;

	private final List<Failover> failovers = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startSimulator() {
		sim = SimulatedProviders.shared();
	}

	@AfterEach
	void resetFaults() {
		sim.reset();
	}

	@Test
	void answersFromTheFirstHealthyProvider() {
		LlmAnswer answer = defaultPool().chat(call(null), this.failovers::add);
		assertThat(answer.provider()).isEqualTo("sim-openai");
		assertThat(answer.text()).isNotBlank();
		assertThat(answer.outputTokens()).isPositive();
		assertThat(answer.degraded()).isFalse();
		assertThat(this.failovers).isEmpty();
	}

	@Test
	void failsOverWhenPrimaryAnswers503() {
		sim.fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":503}");
		LlmAnswer answer = defaultPool().chat(call(null), this.failovers::add);
		assertThat(answer.provider()).isEqualTo("sim-anthropic");
		assertThat(this.failovers).singleElement().satisfies((failover) -> {
			assertThat(failover.from()).isEqualTo("sim-openai");
			assertThat(failover.to()).isEqualTo("sim-anthropic");
			assertThat(failover.reason()).isEqualTo("transient");
		});
	}

	@Test
	void honoursRetryAfterOf429AsACooldown() {
		sim.fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":429,\"retryAfterSeconds\":30}");
		ProviderPool pool = defaultPool();
		LlmAnswer answer = pool.chat(call(null), this.failovers::add);
		assertThat(answer.provider()).isEqualTo("sim-anthropic");
		ProviderState openAi = pool.states().get(0);
		assertThat(openAi.cooldownReason()).isEqualTo("retry-after");
		assertThat(openAi.cooldownUntil()).isAfter(Instant.now().plusSeconds(20));
		sim.reset();
		pool.chat(call(null), this.failovers::add);
		assertThat(this.failovers).extracting(Failover::reason).containsExactly("transient", "cooldown");
	}

	@Test
	void failsOverWhenAnthropicAnswers529() {
		sim.fault("{\"provider\":\"anthropic\",\"mode\":\"status\",\"status\":529}");
		LlmAnswer answer = defaultPool().chat(call("sim-anthropic"), this.failovers::add);
		assertThat(answer.provider()).isEqualTo("sim-openai");
		assertThat(this.failovers).singleElement().extracting(Failover::reason).isEqualTo("transient");
	}

	@Test
	void failsOverWhenTheWholeCallTimesOut() {
		sim.fault("{\"provider\":\"openai\",\"mode\":\"timeout\"}");
		ProviderPool pool = SimulatedProviders.pool(List.of(
				SimulatedProviders.provider("sim-openai", ProviderType.OPENAI, sim.baseUrl() + "/v1", 1, 600,
						Duration.ofMillis(500), Duration.ofSeconds(5), 128_000),
				sim.anthropic(), SimulatedProviders.builtin()));
		LlmAnswer answer = pool.chat(call(null), this.failovers::add);
		assertThat(answer.provider()).isEqualTo("sim-anthropic");
		assertThat(this.failovers).singleElement().extracting(Failover::reason).isEqualTo("timeout");
	}

	@Test
	void failsOverWhenTheFirstTokenIsLate() {
		sim.fault("{\"provider\":\"openai\",\"mode\":\"slow\",\"ms\":3000}");
		ProviderPool pool = SimulatedProviders.pool(List.of(
				SimulatedProviders.provider("sim-openai", ProviderType.OPENAI, sim.baseUrl() + "/v1", 1, 600,
						Duration.ofSeconds(10), Duration.ofMillis(500), 128_000),
				sim.anthropic(), SimulatedProviders.builtin()));
		LlmAnswer answer = pool.chat(call(null), this.failovers::add);
		assertThat(answer.provider()).isEqualTo("sim-anthropic");
		assertThat(this.failovers).singleElement().extracting(Failover::reason).isEqualTo("first-token-timeout");
		// The next call does not wait for it again.
		pool.chat(call(null), this.failovers::add);
		assertThat(this.failovers).extracting(Failover::reason).containsExactly("first-token-timeout", "cooldown");
	}

	@Test
	void coolsDownAProviderThatRefusesOurKey() {
		sim.fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":401}");
		ProviderPool pool = defaultPool();
		assertThat(pool.chat(call(null), this.failovers::add).provider()).isEqualTo("sim-anthropic");
		sim.reset();
		assertThat(pool.chat(call(null), this.failovers::add).provider()).isEqualTo("sim-anthropic");
		assertThat(this.failovers).extracting(Failover::reason).containsExactly("auth", "cooldown");
		assertThat(pool.states().get(0).cooldownUntil()).isAfter(Instant.now().plus(Duration.ofMinutes(5)));
	}

	@Test
	void doesNotFailOverOnTheCallersError() {
		sim.fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":400}");
		assertThatExceptionOfType(CallRejected.class)
			.isThrownBy(() -> defaultPool().chat(call(null), this.failovers::add))
			.satisfies((rejected) -> assertThat(rejected.status()).isEqualTo(400));
		assertThat(this.failovers).isEmpty();
	}

	@Test
	void sendsATooLongPromptToAProviderWithALargerContext() {
		sim.fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":400,\"code\":\"context_length_exceeded\"}");
		LlmAnswer answer = defaultPool().chat(call(null), this.failovers::add);
		assertThat(answer.provider()).isEqualTo("sim-anthropic");
		assertThat(this.failovers).singleElement().extracting(Failover::reason).isEqualTo("context-length");
	}

	@Test
	void reportsAStreamThatBrokeAfterTokensInsteadOfFailingOver() {
		sim.fault("{\"provider\":\"openai\",\"mode\":\"drop-mid-stream\"}");
		assertThatExceptionOfType(StreamInterrupted.class)
			.isThrownBy(() -> defaultPool().chat(call(null), this.failovers::add))
			.satisfies((interrupted) -> assertThat(interrupted.provider()).isEqualTo("sim-openai"));
		assertThat(this.failovers).isEmpty();
	}

	@Test
	void opensTheBreakerAndClosesItAgainWhenTheProviderRecovers() {
		// No Retry-After, so that the breaker, not a cooldown, keeps the provider out.
		sim.fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":503,\"retryAfterSeconds\":0}");
		ProviderPool pool = SimulatedProviders
			.pool(List.of(sim.openAi(), sim.anthropic(), SimulatedProviders.builtin()), Duration.ofSeconds(3));
		pool.chat(call(null), this.failovers::add);
		pool.chat(call(null), this.failovers::add);
		assertThat(pool.states().get(0).circuit()).isEqualTo("OPEN");
		pool.chat(call(null), this.failovers::add);
		assertThat(this.failovers).extracting(Failover::reason)
			.containsExactly("transient", "transient", "circuit-open");
		sim.reset();
		// The breaker lets a trial call through once its open time (3 s here) is over.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(pool.chat(call(null), (failover) -> {
			}).provider()).isEqualTo("sim-openai");
		});
		assertThat(pool.states().get(0).circuit()).isEqualTo("CLOSED");
	}

	@Test
	void movesOnWhenAProvidersRateLimitIsReached() {
		ProviderPool pool = SimulatedProviders.pool(List.of(
				SimulatedProviders.provider("sim-openai", ProviderType.OPENAI, sim.baseUrl() + "/v1", 1, 2,
						Duration.ofSeconds(10), Duration.ofSeconds(2), 128_000),
				sim.anthropic(), SimulatedProviders.builtin()));
		assertThat(pool.chat(call(null), this.failovers::add).provider()).isEqualTo("sim-openai");
		assertThat(pool.chat(call(null), this.failovers::add).provider()).isEqualTo("sim-openai");
		assertThat(pool.chat(call(null), this.failovers::add).provider()).isEqualTo("sim-anthropic");
		assertThat(this.failovers).singleElement().extracting(Failover::reason).isEqualTo("rate-limited");
	}

	@Test
	void movesOnWhenAProvidersTokensPerMinuteAreSpent() {
		// A budget of exactly one call's estimate: the first call takes it all, and its
		// reported usage leaves too little for a second one.
		LlmProperties.Provider limited = SimulatedProviders.provider("sim-openai", ProviderType.OPENAI,
				sim.baseUrl() + "/v1", 1, 600, Duration.ofSeconds(10), Duration.ofSeconds(2), 128_000,
				Tokens.estimate(call(null)));
		ProviderPool pool = SimulatedProviders.pool(List.of(limited, sim.anthropic(), SimulatedProviders.builtin()));
		assertThat(pool.chat(call(null), this.failovers::add).provider()).isEqualTo("sim-openai");
		assertThat(pool.states().get(0).tokensAvailable()).isLessThan(Tokens.estimate(call(null)));
		assertThat(pool.chat(call(null), this.failovers::add).provider()).isEqualTo("sim-anthropic");
		assertThat(this.failovers).singleElement().satisfies((failover) -> {
			assertThat(failover.from()).isEqualTo("sim-openai");
			assertThat(failover.reason()).isEqualTo("tpm");
		});
	}

	@Test
	void fallsBackToTheBuiltinProviderWhenAllAreDown() {
		sim.fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":500}");
		sim.fault("{\"provider\":\"anthropic\",\"mode\":\"status\",\"status\":529}");
		LlmAnswer answer = defaultPool().chat(call(null), this.failovers::add);
		assertThat(answer.provider()).isEqualTo("builtin");
		assertThat(answer.degraded()).isTrue();
		assertThat(this.failovers).extracting(Failover::to).containsExactly("sim-anthropic", "builtin");
	}

	private ProviderPool defaultPool() {
		return SimulatedProviders.pool(List.of(sim.openAi(), sim.anthropic(), SimulatedProviders.builtin()));
	}

	@Test
	void handsOnEachPieceOfAConversationAsItArrives() {
		List<String> pieces = new CopyOnWriteArrayList<>();
		LlmAnswer answer = defaultPool().converse(conversation(), pieces::add, this.failovers::add);
		assertThat(answer.provider()).isEqualTo("sim-openai");
		assertThat(pieces).hasSizeGreaterThan(1);
		assertThat(String.join("", pieces)).isEqualTo(answer.text());
	}

	@Test
	void neverAsksTheBuiltinProviderToConverseAndSaysWhenToComeBack() {
		sim.fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":503,\"retryAfterSeconds\":20}");
		ProviderPool pool = SimulatedProviders.pool(List.of(sim.openAi(), SimulatedProviders.builtin()));
		assertThatExceptionOfType(NoProviderAvailable.class).isThrownBy(() -> pool.converse(conversation(), (piece) -> {
		}, this.failovers::add))
			.satisfies((unavailable) -> assertThat(unavailable.retryAfter()).isBetween(Duration.ofSeconds(10),
					Duration.ofSeconds(20)));
		assertThat(pool.states()).last().extracting(ProviderState::requests).isEqualTo(0L);
	}

	private static Conversation conversation() {
		return new Conversation(List.of(UserMessage.from("Say hello.")), ChatRequestParameters.builder().build(),
				ModelRole.PRIMARY, null);
	}

	private static LlmCall call(String hint) {
		return new LlmCall("scope", ModelRole.REASONER, "You are the reasoner of Archon. Write a scope document.",
				"An agent that summarises my unread email every morning.",
				TemplateInput.of("An agent that summarises my unread email every morning."), hint, null);
	}

}
