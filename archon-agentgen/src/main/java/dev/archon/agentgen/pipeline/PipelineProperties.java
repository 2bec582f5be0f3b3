package dev.archon.agentgen.pipeline;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The generation pipeline.
 *
 * @param vectorUrl where archon-vector answers, for retrieval
 * @param resourcesDir the agent-resources library
 * @param python the Python interpreter that checks the generated code's syntax
 * @param pythonTimeout how long that check may take
 * @param stepRestarts how many times a step restarts after a stream broke mid-answer
 */
@ConfigurationProperties("archon.agentgen.pipeline")
@Validated
public record PipelineProperties(@DefaultValue("http://localhost:8201") String vectorUrl,
		@DefaultValue("agent-resources") String resourcesDir, @DefaultValue("python3") String python,
		@DefaultValue("10s") Duration pythonTimeout, @DefaultValue("2") @Min(0) int stepRestarts) {

}
