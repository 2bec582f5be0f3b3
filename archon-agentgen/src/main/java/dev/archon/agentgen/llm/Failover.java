package dev.archon.agentgen.llm;

/**
 * The pool moved a call from one provider to the next.
 *
 * @param from the provider that failed or was skipped
 * @param to the provider tried next
 * @param reason why: {@code transient}, {@code first-token-timeout}, {@code timeout},
 * {@code auth}, {@code model-not-found}, {@code quota}, {@code context-length},
 * {@code circuit-open}, {@code cooldown}, {@code rate-limited} or {@code bulkhead-full}
 * @param detail what the provider said, without any secret
 */
public record Failover(String from, String to, String reason, String detail) {

}
