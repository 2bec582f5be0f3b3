import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.archon.agentgen.compose.AgentTool;
import dev.archon.agentgen.compose.Composer;
import dev.archon.agentgen.compose.Embeddings;
import dev.archon.agentgen.compose.Plan;
import dev.archon.agentgen.compose.Planner;
import dev.archon.agentgen.compose.ToolChoice;
import dev.archon.agentgen.resources.AgentResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the built-in composer on bench/quality/descriptions.json: each description's agent is
 * generated in-process (plan, tools by meaning, files, as the pipeline's built-in path does), and its
 * files are checked for the properties the description asks for, plus three every agent must have
 * (its Python parses, its .env.example survives python-dotenv, its requirements pin Pydantic AI 2).
 * Prints a table and writes the JSON report.
 *
 * Usage: java -cp CLASSPATH QualityBench.java DESCRIPTIONS AGENT_RESOURCES VECTOR_URL API_KEY OUT.json
 */
public class QualityBench {

	private static final JsonMapper json = JsonMapper.builder().build();

	public static void main(String[] args) throws Exception {
		JsonNode descriptions = json.readTree(Files.readString(Path.of(args[0]))).path("descriptions");
		AgentResources library = AgentResources.load(List.of(Path.of(args[1])));
		VectorEmbeddings embeddings = new VectorEmbeddings(args[2], args[3]);
		ToolChoice toolChoice = new ToolChoice(library.entries(), embeddings);
		Path work = Files.createTempDirectory("quality-bench");

		List<Map<String, Object>> rows = new ArrayList<>();
		List<Double> millis = new ArrayList<>();
		Map<String, int[]> halves = new LinkedHashMap<>();
		for (JsonNode description : descriptions) {
			String text = description.path("text").asString();
			long started = System.nanoTime();
			Plan plan = Planner.plan(text);
			List<AgentTool> tools = toolChoice.choose(plan, text).stream().map(ToolChoice.Chosen::agentTool).toList();
			Map<String, String> files = Composer.files(new Composer.Request(text, null, Map.of(), tools, List.of()));
			millis.add((System.nanoTime() - started) / 1e6);
			Path folder = work.resolve(description.path("id").asString());
			Files.createDirectories(folder);
			for (Map.Entry<String, String> file : files.entrySet()) {
				Files.writeString(folder.resolve(file.getKey()), file.getValue());
			}
			Map<String, Boolean> checks = check(description.path("expect"), files, parses(folder));
			long met = checks.values().stream().filter(Boolean::booleanValue).count();
			int[] half = halves.computeIfAbsent(description.path("half").asString(), (h) -> new int[2]);
			half[0] += (int) met;
			half[1] += checks.size();
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", description.path("id").asString());
			row.put("half", description.path("half").asString());
			row.put("share", met / (double) checks.size());
			row.put("checks", checks);
			row.put("plan", plan.toMarkdown());
			rows.add(row);
		}

		int met = halves.values().stream().mapToInt((h) -> h[0]).sum();
		int total = halves.values().stream().mapToInt((h) -> h[1]).sum();
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("path", "built-in composer, in-process");
		report.put("toolsByMeaning", embeddings.answered);
		report.put("descriptions", rows.size());
		report.put("overall", met / (double) total);
		Map<String, Object> byHalf = new LinkedHashMap<>();
		halves.forEach((name, h) -> byHalf.put(name, h[0] / (double) h[1]));
		report.put("halves", byHalf);
		report.put("generationMs", Map.of("p50", percentile(sorted, 0.50), "p95", percentile(sorted, 0.95)));
		report.put("results", rows);
		Files.writeString(Path.of(args[4]), json.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");

		System.err.printf("%nquality benchmark: %d descriptions, tools by meaning: %s%n", rows.size(),
				embeddings.answered ? "yes (archon-vector answered)" : "no (archon-vector unreachable: the plan alone)");
		for (Map<String, Object> row : rows) {
			@SuppressWarnings("unchecked")
			Map<String, Boolean> checks = (Map<String, Boolean>) row.get("checks");
			List<String> missed = checks.entrySet().stream().filter((c) -> !c.getValue()).map(Map.Entry::getKey).toList();
			System.err.printf("%-26s %-8s %5.0f %%  %s%n", row.get("id"), row.get("half"), 100 * (double) row.get("share"),
					missed.isEmpty() ? "" : "missed: " + String.join(", ", missed));
		}
		byHalf.forEach((name, share) -> System.err.printf("%-35s %5.1f %%%n", "properties met, " + name, 100 * (double) share));
		System.err.printf("%-35s %5.1f %%   target >= 90 %%%n", "properties met, overall", 100.0 * met / total);
		System.err.printf("%-35s %7.2f ms p50, %.2f ms p95%n", "generation time per agent", percentile(sorted, 0.5),
				percentile(sorted, 0.95));
	}

	private static Map<String, Boolean> check(JsonNode expect, Map<String, String> files, boolean parses) {
		String agent = files.get("agent.py");
		String tools = files.get("agent_tools.py");
		Map<String, Boolean> checks = new LinkedHashMap<>();
		String mode = expect.path("mode").asString();
		checks.put("mode:" + mode, switch (mode) {
			case "chat" -> agent.contains("input(\"> \")") && !agent.contains("--once");
			case "once" -> agent.contains("await run_once(http)") && !agent.contains("run_on_schedule")
					&& !agent.contains("input(") && agent.contains("output_type=");
			case "schedule" -> agent.contains("\"--once\"") && agent.contains("async def run_on_schedule(")
					&& agent.contains("output_type=");
			case "event" -> agent.contains("async def follow_events(") && agent.contains("/api/v1/ha/events")
					&& agent.contains("\"--once\"");
			default -> false;
		});
		if (expect.has("cron")) {
			String cron = expect.path("cron").asString();
			checks.put("cron:" + cron, agent.contains("SCHEDULE = os.getenv(\"SCHEDULE\", \"" + cron + "\")"));
		}
		expect.path("tools").forEach((tool) -> checks.put("tool:" + tool.asString(),
				tools.contains("async def " + tool.asString() + "(")));
		expect.path("sinks").forEach((sink) -> checks.put("sink:" + sink.asString(), switch (sink.asString()) {
			case "slack" -> agent.contains("await send_to_slack(http, text)");
			case "discord" -> agent.contains("await send_to_discord(http, text)");
			case "file" -> agent.contains("write_to_file(text)");
			case "terminal" -> agent.contains("print(text)") || agent.contains("print(result.output)");
			case "home_assistant" -> tools.contains("async def ha_call_service(");
			default -> false;
		}));
		expect.path("filters").forEach((filter) -> {
			String name = filter.asString();
			checks.put("filter:" + name, name.equals("new")
					? agent.contains("STATE_FILE") && agent.contains("item.id not in seen")
					: agent.contains("ONLY_LABELS = {\"" + name.substring("label:".length()) + "\"}"));
		});
		if (expect.path("digest").asBoolean(false)) {
			checks.put("digest", agent.contains("def format_digest("));
		}
		checks.put("python-parses", parses);
		checks.put("env-survives-dotenv", Arrays.stream(files.get(".env.example").split("\n"))
			.noneMatch((line) -> line.matches("[A-Z_]+=\\s*")));
		checks.put("pins-pydantic-ai-2", files.get("requirements.txt").contains("pydantic-ai>=2.0,<3"));
		return checks;
	}

	/** Whether every Python file of a folder parses, asked of python3's ast (never run). */
	private static boolean parses(Path folder) throws Exception {
		Process python = new ProcessBuilder("python3", "-c",
				"import ast, pathlib, sys\nfor f in pathlib.Path(sys.argv[1]).glob('*.py'): ast.parse(f.read_text(), str(f))",
				folder.toString())
			.redirectErrorStream(true)
			.start();
		python.getInputStream().readAllBytes();
		return python.waitFor() == 0;
	}

	private static double percentile(double[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	/** archon-vector's embed endpoint; the bench goes on without it, as the composer does. */
	static final class VectorEmbeddings implements Embeddings {

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		private final String url;

		private final String key;

		boolean answered;

		VectorEmbeddings(String url, String key) {
			this.url = url;
			this.key = key;
		}

		@Override
		public List<float[]> embed(List<String> texts) {
			try {
				HttpRequest request = HttpRequest.newBuilder(URI.create(this.url + "/api/v1/vector/embed"))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + this.key)
					.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("texts", texts))))
					.build();
				HttpResponse<String> response = this.http.send(request,
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (response.statusCode() != 200) {
					throw new IllegalStateException("HTTP " + response.statusCode());
				}
				List<float[]> vectors = new ArrayList<>();
				for (JsonNode vector : json.readTree(response.body()).path("vectors")) {
					float[] values = new float[vector.size()];
					for (int i = 0; i < values.length; i++) {
						values[i] = vector.get(i).floatValue();
					}
					vectors.add(values);
				}
				this.answered = true;
				return vectors;
			}
			catch (Exception ex) {
				throw new IllegalStateException("archon-vector did not embed: " + ex.getMessage(), ex);
			}
		}

	}

}
