package dev.archon.agentgen.llm;

/**
 * The protocol a provider speaks.
 */
public enum ProviderType {

	/** Any OpenAI-compatible endpoint: OpenAI, OpenRouter, Ollama, vLLM, LM Studio. */
	OPENAI,

	/** Anthropic's Messages API. */
	ANTHROPIC,

	/** The built-in template provider: no network. */
	BUILTIN

}
