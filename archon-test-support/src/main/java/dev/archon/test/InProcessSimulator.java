package dev.archon.test;

/**
 * How a test starts archon-sim inside its own JVM, on a random port: with the simulator's
 * own settings only. On a service's classpath the service's application.yml, its
 * database, Redis, archon-api's conventions and Spring Security would all apply to the
 * simulator too, and a simulator that asks for an API key or a database is no longer the
 * Home Assistant or LLM provider it stands in for.
 */
public final class InProcessSimulator {

	private static final String[] EXCLUDED_AUTO_CONFIGURATIONS = { "dev.archon.api.config.ArchonApiAutoConfiguration",
			"dev.archon.api.security.ApiKeySecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" };

	private InProcessSimulator() {
	}

	/**
	 * The simulator's command-line arguments.
	 * @param token the simulator's token, which Home Assistant clients and its control
	 * endpoints present
	 * @return the arguments for
	 * {@code SpringApplicationBuilder(SimApplication.class).run}
	 */
	public static String[] arguments(String token) {
		return new String[] { "--spring.config.name=archon-sim-in-tests", "--spring.application.name=archon-sim",
				"--server.port=0", "--management.server.port=0", "--archon.sim.token=" + token,
				"--spring.autoconfigure.exclude=" + String.join(",", EXCLUDED_AUTO_CONFIGURATIONS),
				"--spring.threads.virtual.enabled=true", "--spring.main.banner-mode=off" };
	}

}
