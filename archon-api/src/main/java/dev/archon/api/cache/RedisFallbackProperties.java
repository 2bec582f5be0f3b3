package dev.archon.api.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service does without Redis.
 *
 * @param backoff how long Redis is left alone after a failed call before one call probes
 * it again: short enough that caches and subscriptions come back soon after Redis, long
 * enough that few requests wait for a Redis that is still down
 */
@ConfigurationProperties("archon.api.redis")
public record RedisFallbackProperties(@DefaultValue("5s") Duration backoff) {

}
