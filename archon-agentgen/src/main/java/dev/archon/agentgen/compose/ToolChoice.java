package dev.archon.agentgen.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.archon.agentgen.compose.Plan.Sink;
import dev.archon.agentgen.compose.Plan.Source;
import dev.archon.agentgen.resources.LibraryEntry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the library's tools for an agent by meaning: the request and each tool's
 * description are embedded with archon-vector's model, and a tool is taken when the plan
 * needs what it reads or does, or when its description is close to the request. When
 * archon-vector cannot be reached, the plan alone chooses, and each reason says so.
 */
public final class ToolChoice {

	private static final Logger logger = LoggerFactory.getLogger(ToolChoice.class);

	/**
	 * The cosine above which all-MiniLM-L6-v2 puts a tool's description and a request
	 * about the same thing; unrelated sentences stay below 0.2.
	 */
	static final double RELATED = 0.4;

	/** Tools taken for their meaning alone, beyond those the plan needs. */
	private static final int BY_MEANING_ONLY = 2;

	private final List<LibraryEntry> tools;

	private final Embeddings embeddings;

	private volatile @Nullable List<float[]> toolVectors;

	public ToolChoice(List<LibraryEntry> library, Embeddings embeddings) {
		this.tools = library.stream()
			.filter((entry) -> entry.kind().equals("tool") && !entry.code().isBlank())
			.toList();
		this.embeddings = embeddings;
	}

	/**
	 * The tools for a plan.
	 * @param plan what the agent must do
	 * @param request the description, with the feedback when there is some
	 * @return the chosen tools, those the plan needs first, each with its reason
	 */
	public List<Chosen> choose(Plan plan, String request) {
		@Nullable double[] similarity = similarity(request);
		List<Chosen> needed = new ArrayList<>();
		List<Chosen> related = new ArrayList<>();
		for (int i = 0; i < this.tools.size(); i++) {
			LibraryEntry tool = this.tools.get(i);
			String need = need(plan, tool.name());
			String closeness = (similarity != null)
					? String.format(Locale.ROOT, "similarity to the request %.2f", similarity[i])
					: "archon-vector unreachable, chosen by the plan's keywords";
			double score = (similarity != null) ? similarity[i] : 0;
			if (need != null) {
				needed.add(new Chosen(tool, need + " (" + closeness + ")", score));
			}
			else if (similarity != null && similarity[i] >= RELATED) {
				related.add(new Chosen(tool, "its description is close to the request (" + closeness + ")", score));
			}
		}
		needed.sort(Comparator.comparingDouble(Chosen::score).reversed());
		related.sort(Comparator.comparingDouble(Chosen::score).reversed());
		List<Chosen> chosen = new ArrayList<>(needed);
		chosen.addAll(related.subList(0, Math.min(BY_MEANING_ONLY, related.size())));
		return List.copyOf(chosen);
	}

	private static @Nullable String need(Plan plan, String tool) {
		for (Source source : plan.sources()) {
			if (source.tool().equals(tool)) {
				return "the plan reads " + source.label();
			}
		}
		if (tool.equals("ha_call_service") && plan.sinks().contains(Sink.HOME_ASSISTANT)) {
			return "the plan acts through Home Assistant's services";
		}
		return null;
	}

	private @Nullable double[] similarity(String request) {
		try {
			List<float[]> vectors = toolVectors();
			float[] query = this.embeddings.embed(List.of(request)).get(0);
			double[] similarity = new double[vectors.size()];
			for (int i = 0; i < vectors.size(); i++) {
				similarity[i] = dot(query, vectors.get(i));
			}
			return similarity;
		}
		catch (RuntimeException ex) {
			logger.warn("Choosing tools by the plan alone: archon-vector could not embed the request: {}",
					ex.getMessage());
			return null;
		}
	}

	/** The library does not change while the service runs: its vectors are made once. */
	private List<float[]> toolVectors() {
		List<float[]> vectors = this.toolVectors;
		if (vectors == null) {
			vectors = List.copyOf(this.embeddings.embed(this.tools.stream().map(LibraryEntry::description).toList()));
			this.toolVectors = vectors;
		}
		return vectors;
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	/**
	 * A tool and why it was chosen.
	 *
	 * @param tool the library's tool
	 * @param reason why, in words
	 * @param score the cosine between the request and the tool's description, 0 when
	 * unknown
	 */
	public record Chosen(LibraryEntry tool, String reason, double score) {

		/**
		 * The tool as the generated agent embeds it.
		 * @return the tool, with its reason
		 */
		public AgentTool agentTool() {
			return new AgentTool(this.tool.name(), this.tool.description(), this.tool.code(), this.tool.requirements(),
					this.tool.environment(), this.reason);
		}

	}

}
