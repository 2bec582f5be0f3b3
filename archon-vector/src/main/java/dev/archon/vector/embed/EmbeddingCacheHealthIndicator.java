package dev.archon.vector.embed;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Redis only shares query embeddings between instances: without it the service still
 * answers, from memory and the model. So this indicator stays up and says, in its
 * details, whether the shared layer works, instead of taking the instance out of the load
 * balancer.
 */
@Component("embeddingCache")
class EmbeddingCacheHealthIndicator extends AbstractHealthIndicator {

	private final RedisConnectionFactory connectionFactory;

	EmbeddingCacheHealthIndicator(RedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("local", "up");
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.ping();
			builder.withDetail("redis", "up");
		}
		catch (RuntimeException ex) {
			builder.withDetail("redis", "down: " + ex.getClass().getSimpleName());
		}
	}

}
