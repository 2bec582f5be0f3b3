package dev.archon.agentgen.llm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pool of LLM providers.
 *
 * @param providers the configured providers, tried in order of priority; environment
 * shortcuts ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code OLLAMA_BASE_URL},
 * {@code OPENROUTER_API_KEY}) add more, and the built-in template provider always comes
 * last
 * @param profile {@code sim} to use archon-sim's simulated OpenAI, then its simulated
 * Anthropic, then the built-in provider
 * @param simUrl where archon-sim answers, for the {@code sim} profile
 * @param breaker how each provider's circuit breaker opens and closes
 * @param longCooldown how long a provider that refused our credentials, model or quota
 * stays out of the pool
 * @param maxRetryAfter the longest {@code Retry-After} that is honoured as a cooldown
 * @param timeoutCooldown how long a provider that timed out stays out of the pool, so
 * that the next steps of the same job do not wait for it again while its circuit breaker
 * gathers enough calls to open
 * @param toolCalls how far a model may go calling tools before it must answer
 */
@ConfigurationProperties("archon.llm")
@Validated
public record LlmProperties(@DefaultValue List<@Valid Provider> providers, @Nullable String profile,
		@DefaultValue("http://localhost:8123") String simUrl, @DefaultValue @Valid Breaker breaker,
		@DefaultValue("10m") Duration longCooldown, @DefaultValue("5m") Duration maxRetryAfter,
		@DefaultValue("30s") Duration timeoutCooldown, @DefaultValue @Valid ToolCalls toolCalls) {

	/**
	 * One provider.
	 *
	 * @param name its name in metrics, events and the providers resource
	 * @param type {@code openai} for any OpenAI-compatible endpoint (OpenAI, OpenRouter,
	 * Ollama, vLLM, LM Studio), {@code anthropic}, or {@code builtin}
	 * @param baseUrl its endpoint, the client's default when absent
	 * @param apiKey its key, usually from an environment variable; never logged
	 * @param models the models it serves for each role
	 * @param priority lower is tried first
	 * @param weight its share among providers of equal priority
	 * @param rpm requests per minute it accepts from this instance
	 * @param tpm tokens per minute it accepts from this instance, 0 for no limit
	 * @param timeout the longest a whole call may take
	 * @param firstTokenTimeout the longest the first streamed token may take
	 * @param maxConcurrent calls in flight at once from this instance (the bulkhead)
	 * @param contextWindow the largest prompt it takes, in tokens
	 * @param inputPrice US dollars per million input tokens
	 * @param outputPrice US dollars per million output tokens
	 */
	public record Provider(@NotBlank String name, @NotNull ProviderType type, @Nullable String baseUrl,
			@Nullable String apiKey, @DefaultValue @Valid Models models, @DefaultValue("100") int priority,
			@DefaultValue("1") @Min(1) int weight, @DefaultValue("600") @Min(1) int rpm,
			@DefaultValue("0") @Min(0) long tpm, @DefaultValue("120s") Duration timeout,
			@DefaultValue("20s") Duration firstTokenTimeout, @DefaultValue("64") @Min(1) int maxConcurrent,
			@DefaultValue("128000") @Min(1) int contextWindow,
			@DefaultValue("0") @DecimalMin("0") BigDecimal inputPrice,
			@DefaultValue("0") @DecimalMin("0") BigDecimal outputPrice) {

		@Override
		public String toString() {
			// Records print every component: keep the key out of any log line.
			return "Provider[name=" + this.name + ", type=" + this.type + ", baseUrl=" + this.baseUrl + "]";
		}

	}

	/**
	 * The models of a provider, by role.
	 *
	 * @param reasoner the model that writes the scope document
	 * @param primary the model of every other step
	 */
	public record Models(@DefaultValue("gpt-4o-mini") String reasoner, @DefaultValue("gpt-4o-mini") String primary) {

	}

	/**
	 * Each provider's circuit breaker.
	 *
	 * @param window the time-based sliding window
	 * @param minimumCalls calls in the window before the rates count
	 * @param failureRate the failure rate, in percent, that opens it
	 * @param slowCall a call at least this long counts as slow
	 * @param slowCallRate the slow-call rate, in percent, that opens it
	 * @param openFor how long it stays open before letting trial calls through
	 * @param halfOpenCalls trial calls when half open
	 */
	public record Breaker(@DefaultValue("60s") Duration window, @DefaultValue("4") @Min(1) int minimumCalls,
			@DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRate,
			@DefaultValue("60s") Duration slowCall,
			@DefaultValue("80") @DecimalMin("1") @DecimalMax("100") float slowCallRate,
			@DefaultValue("30s") Duration openFor, @DefaultValue("1") @Min(1) int halfOpenCalls) {

	}

	/**
	 * The bounds of a call's tool-call loop: each round sends the conversation so far,
	 * tool results included, so a call's tokens grow with every round.
	 *
	 * @param maxRounds the rounds of tool calls before the model is told to answer
	 * without tools
	 * @param maxTokens the tokens, in and out over all rounds, after which the model is
	 * told to answer without tools
	 */
	public record ToolCalls(@DefaultValue("5") @Min(0) int maxRounds, @DefaultValue("60000") @Min(1) long maxTokens) {

	}

}
