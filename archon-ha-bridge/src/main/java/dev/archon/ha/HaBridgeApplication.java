package dev.archon.ha;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Home Assistant bridge: a state cache fed by Home Assistant's WebSocket, control
 * through an allow-list, a rate limiter and a circuit breaker, and pattern analysis over
 * the history.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HaBridgeApplication {

	public static void main(String[] args) {
		SpringApplication.run(HaBridgeApplication.class, args);
	}

}
