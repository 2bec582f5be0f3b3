/**
 * The pool of LLM providers: langchain4j clients, each behind its own circuit breaker,
 * rate limiter and bulkhead, with failover and the built-in template provider as the last
 * resort.
 */
@NullMarked
package dev.archon.agentgen.llm;

import org.jspecify.annotations.NullMarked;
