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
import java.util.Map;

import dev.archon.agentgen.compose.AgentTool;
import dev.archon.agentgen.compose.Composer;
import dev.archon.agentgen.compose.Embeddings;
import dev.archon.agentgen.compose.Plan;
import dev.archon.agentgen.compose.PlanLine;
import dev.archon.agentgen.compose.Planner;
import dev.archon.agentgen.compose.ToolChoice;
import dev.archon.agentgen.pipeline.GenerationRequest;
import dev.archon.agentgen.pipeline.GenerationResult;
import dev.archon.agentgen.pipeline.Pipeline;
import dev.archon.agentgen.pipeline.PipelineRun;
import dev.archon.agentgen.resources.AgentResources;
import dev.archon.api.ArchonApiProperties;
import dev.archon.api.client.ServiceClients;
import dev.archon.api.wire.agents.GenerateAgentRequest;
import dev.archon.api.wire.agents.JobEvent;
import dev.archon.sim.SimApplication;
import dev.archon.test.InProcessSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.web.client.RestClient;

/**
 * Scores two paths of agent generation on bench/quality/descriptions.json, side by side:
 * <ul>
 * <li>the built-in composer, in-process: plan, tools by meaning, files, as the pipeline's
 * built-in path does, timed without the pipeline's other steps;</li>
 * <li>the simulated providers: the whole pipeline (scope, advisor, retrieval, coder, one
 * refinement round, validation) wired as archon-agentgen wires it with the {@code sim}
 * profile, against archon-sim started in this JVM, timed end to end.</li>
 * </ul>
 * Each agent's files are checked for the properties the description asks for, plus three
 * every agent must have (its Python parses, its .env.example survives python-dotenv, its
 * requirements pin Pydantic AI 2). Prints a table and writes the JSON report.
 *
 * Usage: java -cp CLASSPATH QualityBench.java DESCRIPTIONS AGENT_RESOURCES VECTOR_URL API_KEY OUT.json
 */
public class QualityBench {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String SIM_TOKEN = "quality-bench";

	public static void main(String[] args) throws Exception {
		JsonNode descriptions = json.readTree(Files.readString(Path.of(args[0]))).path("descriptions");
		String vectorUrl = args[2];
		String apiKey = args[3];
		AgentResources library = AgentResources.load(List.of(Path.of(args[1])));
		VectorEmbeddings embeddings = new VectorEmbeddings(vectorUrl, apiKey);
		ToolChoice toolChoice = new ToolChoice(library.entries(), embeddings);
		Map<String, Object> builtin = score("built-in composer, in-process", descriptions, (text) -> {
			Plan plan = Planner.plan(text);
			List<AgentTool> tools = toolChoice.choose(plan, text).stream().map(ToolChoice.Chosen::agentTool).toList();
			return new Generated(Composer.files(new Composer.Request(text, null, Map.of(), tools, List.of())),
					"builtin");
		});
		builtin.put("toolsByMeaning", embeddings.answered);

		Map<String, Object> simulated;
		try (ConfigurableApplicationContext simulator = new SpringApplicationBuilder(SimApplication.class)
			.run(quiet(InProcessSimulator.arguments(SIM_TOKEN)));
				ConfigurableApplicationContext agentgen = new SpringApplicationBuilder(SimulatedProvidersPath.class)
					.web(WebApplicationType.NONE)
					.run(quiet("--archon.llm.profile=sim",
							"--archon.llm.sim-url=http://localhost:"
									+ simulator.getEnvironment().getProperty("local.server.port"),
							"--archon.agentgen.pipeline.vector-url=" + vectorUrl,
							"--archon.agentgen.pipeline.resources-dir=" + args[1],
							"--archon.api.outbound-key=" + apiKey, "--spring.main.banner-mode=off"))) {
			Pipeline pipeline = agentgen.getBean(Pipeline.class);
			simulated = score("simulated providers (sim profile), whole pipeline", descriptions, (text) -> {
				FreshRun run = new FreshRun();
				GenerationResult result = pipeline.run(new GenerationRequest(text,
						GenerateAgentRequest.DEFAULT_FRAMEWORK, GenerateAgentRequest.DEFAULT_REFINEMENTS, List.of(),
						null, 1, null, Map.of()), run);
				return new Generated(result.files(), run.coder());
			});
		}

		Map<String, Object> report = new LinkedHashMap<>();
		report.put("descriptions", descriptions.size());
		report.put("paths", List.of(summary(builtin), summary(simulated)));
		report.put("results", sideBySide(builtin, simulated));
		Files.writeString(Path.of(args[4]), json.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
		print(builtin, simulated);
	}

	/** Generates and scores every description through one path. */
	private static Map<String, Object> score(String name, JsonNode descriptions, Generator generator)
			throws Exception {
		Path work = Files.createTempDirectory("quality-bench");
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Double> millis = new ArrayList<>();
		Map<String, int[]> halves = new LinkedHashMap<>();
		for (JsonNode description : descriptions) {
			String text = description.path("text").asString();
			long started = System.nanoTime();
			Generated generated = generator.generate(text);
			millis.add((System.nanoTime() - started) / 1e6);
			Path folder = work.resolve(description.path("id").asString());
			Files.createDirectories(folder);
			for (Map.Entry<String, String> file : generated.files().entrySet()) {
				Files.writeString(folder.resolve(file.getKey()), file.getValue());
			}
			Map<String, Boolean> checks = check(description.path("expect"), generated.files(), parses(folder));
			long met = checks.values().stream().filter(Boolean::booleanValue).count();
			int[] half = halves.computeIfAbsent(description.path("half").asString(), (h) -> new int[2]);
			half[0] += (int) met;
			half[1] += checks.size();
			Plan plan = PlanLine.read(generated.files());
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", description.path("id").asString());
			row.put("half", description.path("half").asString());
			row.put("share", met / (double) checks.size());
			row.put("writtenBy", generated.writtenBy());
			row.put("checks", checks);
			row.put("plan", (plan != null) ? plan.toMarkdown() : null);
			rows.add(row);
		}
		int met = halves.values().stream().mapToInt((h) -> h[0]).sum();
		int total = halves.values().stream().mapToInt((h) -> h[1]).sum();
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		Map<String, Object> path = new LinkedHashMap<>();
		path.put("path", name);
		path.put("overall", met / (double) total);
		Map<String, Object> byHalf = new LinkedHashMap<>();
		halves.forEach((half, h) -> byHalf.put(half, h[0] / (double) h[1]));
		path.put("halves", byHalf);
		Map<String, Object> time = new LinkedHashMap<>();
		time.put("p50", percentile(sorted, 0.50));
		time.put("p95", percentile(sorted, 0.95));
		path.put("generationMs", time);
		path.put("results", rows);
		return path;
	}

	private static Map<String, Object> summary(Map<String, Object> path) {
		Map<String, Object> summary = new LinkedHashMap<>(path);
		summary.remove("results");
		return summary;
	}

	/** Each description once, with what each path made of it. */
	private static List<Map<String, Object>> sideBySide(Map<String, Object> builtin, Map<String, Object> simulated) {
		List<Map<String, Object>> builtinRows = rows(builtin);
		List<Map<String, Object>> simulatedRows = rows(simulated);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < builtinRows.size(); i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", builtinRows.get(i).get("id"));
			row.put("half", builtinRows.get(i).get("half"));
			row.put("builtin", withoutKey(builtinRows.get(i)));
			row.put("simulated", withoutKey(simulatedRows.get(i)));
			rows.add(row);
		}
		return rows;
	}

	private static Map<String, Object> withoutKey(Map<String, Object> row) {
		Map<String, Object> result = new LinkedHashMap<>(row);
		result.remove("id");
		result.remove("half");
		return result;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> path) {
		return (List<Map<String, Object>>) path.get("results");
	}

	private static void print(Map<String, Object> builtin, Map<String, Object> simulated) {
		System.err.printf("%nquality benchmark: %d descriptions, tools by meaning: %s%n", rows(builtin).size(),
				Boolean.TRUE.equals(builtin.get("toolsByMeaning")) ? "yes (archon-vector answered)"
						: "no (archon-vector unreachable: the plan alone)");
		System.err.printf("%-26s %-8s %10s %10s  %s%n", "description", "half", "built-in", "simulated",
				"missed (built-in | simulated)");
		List<Map<String, Object>> simulatedRows = rows(simulated);
		for (int i = 0; i < rows(builtin).size(); i++) {
			Map<String, Object> b = rows(builtin).get(i);
			Map<String, Object> s = simulatedRows.get(i);
			System.err.printf("%-26s %-8s %8.0f %% %8.0f %%  %s | %s%n", b.get("id"), b.get("half"),
					100 * (double) b.get("share"), 100 * (double) s.get("share"), missed(b), missed(s));
		}
		for (String half : halves(builtin).keySet()) {
			System.err.printf("%-35s %8.1f %% %8.1f %%%n", "properties met, " + half,
					100 * (double) halves(builtin).get(half), 100 * (double) halves(simulated).get(half));
		}
		System.err.printf("%-35s %8.1f %% %8.1f %%   target >= 90 %% with no key%n", "properties met, overall",
				100 * (double) builtin.get("overall"), 100 * (double) simulated.get("overall"));
		for (Map<String, Object> path : List.of(builtin, simulated)) {
			@SuppressWarnings("unchecked")
			Map<String, Double> time = (Map<String, Double>) path.get("generationMs");
			System.err.printf("generation time per agent, %-50s %9.2f ms p50, %9.2f ms p95%n", path.get("path"),
					time.get("p50"), time.get("p95"));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> halves(Map<String, Object> path) {
		return (Map<String, Object>) path.get("halves");
	}

	@SuppressWarnings("unchecked")
	private static String missed(Map<String, Object> row) {
		Map<String, Boolean> checks = (Map<String, Boolean>) row.get("checks");
		List<String> missed = checks.entrySet().stream().filter((c) -> !c.getValue()).map(Map.Entry::getKey).toList();
		return missed.isEmpty() ? "-" : String.join(", ", missed);
	}

	private static Map<String, Boolean> check(JsonNode expect, Map<String, String> files, boolean parses) {
		String agent = files.getOrDefault("agent.py", "");
		String tools = files.getOrDefault("agent_tools.py", "");
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
		checks.put("env-survives-dotenv", Arrays.stream(files.getOrDefault(".env.example", "").split("\n"))
			.noneMatch((line) -> line.matches("[A-Z_]+=\\s*")));
		checks.put("pins-pydantic-ai-2", files.getOrDefault("requirements.txt", "").contains("pydantic-ai>=2.0,<3"));
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

	/** An application's arguments, with its logs down to warnings so that the table stands out. */
	private static String[] quiet(String... arguments) {
		String[] all = Arrays.copyOf(arguments, arguments.length + 1);
		all[arguments.length] = "--logging.level.root=WARN";
		return all;
	}

	/** One path of generation: a description in, an agent's files out. */
	interface Generator {

		Generated generate(String description) throws Exception;

	}

	/**
	 * An agent's files, and who wrote them.
	 *
	 * @param files the files by path
	 * @param writtenBy the provider that answered the last coder step, {@code builtin} when the composer wrote them
	 */
	record Generated(Map<String, String> files, String writtenBy) {

	}

	/**
	 * The pipeline's providers and its own wiring, with nothing of jobs: no database, no Redis, no web server.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@ComponentScan({ "dev.archon.agentgen.llm", "dev.archon.agentgen.pipeline" })
	@ConfigurationPropertiesScan({ "dev.archon.agentgen.llm", "dev.archon.agentgen.pipeline" })
	@EnableConfigurationProperties(ArchonApiProperties.class)
	static class SimulatedProvidersPath {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ServiceClients serviceClients(ArchonApiProperties properties, MeterRegistry meterRegistry) {
			return new ServiceClients(properties, meterRegistry, RestClient.builder());
		}

	}

	/**
	 * A fresh run of one generation: no earlier step to resume from, nobody to tell. It keeps only which
	 * provider answered the coder, whose steps run one after the other, so the last one wrote the files.
	 */
	static final class FreshRun implements PipelineRun {

		private volatile String coder = "none";

		@Override
		public StepOutcome finished(int version, String step) {
			return null;
		}

		@Override
		public boolean started(int version, String step) {
			return true;
		}

		@Override
		public void succeeded(int version, String step, StepOutcome outcome) {
			if (step.endsWith("coder")) {
				this.coder = String.valueOf(outcome.provider());
			}
		}

		@Override
		public void failed(int version, String step, String detail) {
		}

		@Override
		public void event(JobEvent event) {
		}

		String coder() {
			return this.coder;
		}

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
