package dev.archon.sim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Simulators of the systems Archon talks to but does not own: Home Assistant and remote
 * LLM providers. They speak the real wire protocols so that the same client code works
 * against the real thing.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SimApplication {

	public static void main(String[] args) {
		SpringApplication.run(SimApplication.class, args);
	}

}
