package dev.archon.agentgen.llm;

import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;

/**
 * Tools a model may call during one call, for providers that support tool calls. The
 * built-in provider ignores them.
 */
public interface Toolbox {

	/**
	 * The tools, as offered to the model.
	 * @return their specifications
	 */
	List<ToolSpecification> specifications();

	/**
	 * Runs one tool the model asked for.
	 * @param request the model's request
	 * @return the result for the model; a failure is described in it, never thrown, so
	 * that the model can carry on without the tool
	 */
	String execute(ToolExecutionRequest request);

}
