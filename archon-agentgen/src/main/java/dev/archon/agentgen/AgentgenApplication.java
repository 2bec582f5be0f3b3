package dev.archon.agentgen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The agent generator: generation jobs, their pipeline and the pool of LLM providers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AgentgenApplication {

	public static void main(String[] args) {
		SpringApplication.run(AgentgenApplication.class, args);
	}

}
