package dev.archon.agentgen.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The system prompts of each framework, versioned in
 * {@code prompts/<framework>/<step>.md} on the classpath: adding a framework is adding a
 * folder.
 */
public class Prompts {

	static final String[] STEPS = { "scope", "advisor", "coder", "refine-prompt", "refine-tools", "refine-agent" };

	private final Map<String, String> prompts = new ConcurrentHashMap<>();

	private final Set<String> frameworks;

	public Prompts() {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Set<String> found = new TreeSet<>();
		try {
			for (Resource coder : resolver.getResources("classpath*:prompts/*/coder.md")) {
				String url = coder.getURL().toString();
				String folder = url.substring(0, url.length() - "/coder.md".length());
				String framework = folder.substring(folder.lastIndexOf('/') + 1);
				boolean complete = true;
				for (String step : STEPS) {
					Resource prompt = resolver.getResource("classpath:prompts/" + framework + "/" + step + ".md");
					if (!prompt.exists()) {
						complete = false;
						continue;
					}
					this.prompts.put(framework + "/" + step, prompt.getContentAsString(StandardCharsets.UTF_8));
				}
				if (complete) {
					found.add(framework);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.frameworks = Set.copyOf(found);
	}

	/**
	 * The frameworks with a complete set of prompts.
	 * @return their names, such as {@code pydantic-ai}
	 */
	public Set<String> frameworks() {
		return this.frameworks;
	}

	String system(String framework, String step) {
		String prompt = this.prompts.get(framework + "/" + step);
		if (prompt == null) {
			throw new IllegalArgumentException("No " + step + " prompt for framework " + framework);
		}
		return prompt;
	}

}
