import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The vector benchmark's helpers, run as a single-file program (JDK only):
 *
 * centers NGINX KEY QUERIES OUT      embeds each query alone (as the service embeds a search)
 * generate CENTERS ROWS SIGMA SEED   prints COPY rows: clustered, overlapping, L2-normalized vectors
 * exact-sql CENTERS                  prints the SQL of exact top-10 per query
 * recall NGINX KEY QUERIES EXACT P.. recall@10 of the service's search against exact, per probes
 * pgbench-script CENTERS PROBES OPCLASS OUT  the same searches as raw SQL for pgbench
 * wrk-script KEY QUERIES OUT [PROBES] the same searches through NGINX for wrk (default probes unless given)
 * ingest NGINX KEY DIR SOURCE BATCH  uploads a folder of Markdown, prints chunks per second
 */
public class VectorBench {

	static final HttpClient http = HttpClient.newHttpClient();

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "centers" -> centers(args[1], args[2], Path.of(args[3]), Path.of(args[4]));
			case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]),
					Long.parseLong(args[4]));
			case "exact-sql" -> exactSql(Path.of(args[1]));
			case "recall" -> recall(args[1], args[2], Path.of(args[3]), Path.of(args[4]),
					List.of(args).subList(5, args.length));
			case "pgbench-script" -> pgbenchScript(Path.of(args[1]), Integer.parseInt(args[2]), args[3],
					Path.of(args[4]));
			case "wrk-script" -> wrkScript(args[1], Path.of(args[2]), Path.of(args[3]),
					(args.length > 4) ? ",\"probes\":" + Integer.parseInt(args[4]) : "");
			case "ingest" -> ingest(args[1], args[2], Path.of(args[3]), args[4], Integer.parseInt(args[5]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	static String post(String url, String key, String body, boolean noCache) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (noCache) {
			request.header("Cache-Control", "no-cache");
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		// NGINX limits requests per API key; its 429 asks to retry after a second.
		for (int retry = 0; response.statusCode() == 429 && retry < 30; retry++) {
			Thread.sleep(1000);
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	static void centers(String nginx, String key, Path queries, Path out) throws Exception {
		List<String> lines = new ArrayList<>();
		for (String query : Files.readAllLines(queries)) {
			String body = post(nginx + "/api/v1/vector/embed", key, "{\"texts\":[" + json(query) + "]}", false);
			int start = body.indexOf("[[") + 1;
			int end = body.indexOf("]]") + 1;
			lines.add(body.substring(start, end).replace(" ", ""));
		}
		Files.write(out, lines);
	}

	static void generate(Path centersFile, int rows, double sigma, long seed) throws IOException {
		List<float[]> centers = Files.readAllLines(centersFile).stream().map(VectorBench::parse).toList();
		Random random = new Random(seed);
		BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20);
		int dimension = centers.get(0).length;
		float[] vector = new float[dimension];
		for (int row = 0; row < rows; row++) {
			float[] center = centers.get(random.nextInt(centers.size()));
			double norm = 0;
			for (int d = 0; d < dimension; d++) {
				vector[d] = (float) (center[d] + sigma * random.nextGaussian());
				norm += vector[d] * vector[d];
			}
			norm = Math.sqrt(norm);
			out.write("bench_synthetic\thttps://bench.synthetic/" + row + "\t0\tt\ts\tc\t[");
			for (int d = 0; d < dimension; d++) {
				if (d > 0) {
					out.write(',');
				}
				out.write(String.format(Locale.ROOT, "%.5f", vector[d] / norm));
			}
			out.write("]\n");
		}
		out.flush();
	}

	static float[] parse(String line) {
		String[] parts = line.replace("[", "").replace("]", "").split(",");
		float[] vector = new float[parts.length];
		for (int i = 0; i < parts.length; i++) {
			vector[i] = Float.parseFloat(parts[i]);
		}
		return vector;
	}

	static void exactSql(Path centersFile) throws IOException {
		List<String> centers = Files.readAllLines(centersFile);
		System.out.println("BEGIN; SET LOCAL enable_indexscan = off;");
		for (int i = 0; i < centers.size(); i++) {
			System.out.printf("SELECT %d, url || '#' || chunk_number FROM (SELECT url, chunk_number FROM site_pages "
					+ "ORDER BY embedding <=> '%s' LIMIT 10) t;%n", i, centers.get(i));
		}
		System.out.println("COMMIT;");
	}

	static final Pattern HIT = Pattern.compile("\"url\":\"([^\"]*)\",\"chunkNumber\":(\\d+)");

	static void recall(String nginx, String key, Path queries, Path exactFile, List<String> probes)
			throws Exception {
		List<String> texts = Files.readAllLines(queries);
		Map<Integer, Set<String>> exact = new HashMap<>();
		for (String line : Files.readAllLines(exactFile)) {
			String[] parts = line.split("\\|", 2);
			exact.computeIfAbsent(Integer.parseInt(parts[0]), (k) -> new HashSet<>()).add(parts[1]);
		}
		StringBuilder out = new StringBuilder("[");
		for (String probe : probes) {
			int found = 0;
			int total = 0;
			for (int i = 0; i < texts.size(); i++) {
				String body = "{\"query\":" + json(texts.get(i)) + ",\"limit\":10"
						+ (probe.equals("default") ? "" : ",\"probes\":" + probe) + "}";
				Matcher hits = HIT.matcher(post(nginx + "/api/v1/vector/search", key, body, true));
				Set<String> expected = exact.getOrDefault(i, Set.of());
				while (hits.find()) {
					if (expected.contains(hits.group(1) + "#" + hits.group(2))) {
						found++;
					}
				}
				total += expected.size();
			}
			out.append(out.length() > 1 ? "," : "")
				.append(String.format(Locale.ROOT, "{\"probes\":\"%s\",\"recall\":%.4f}", probe,
						(double) found / Math.max(total, 1)));
		}
		System.out.println(out.append("]"));
	}

	static void pgbenchScript(Path centersFile, int probes, String opclass, Path out) throws IOException {
		List<String> centers = Files.readAllLines(centersFile);
		// The service's operator and score for the index's operator class.
		boolean ip = opclass.equals("vector_ip_ops") || opclass.equals("ip");
		StringBuilder script = new StringBuilder("\\set q random(0, " + (centers.size() - 1) + ")\n");
		script.append("BEGIN;\nSET LOCAL ivfflat.probes = ").append(probes).append(";\n");
		for (int i = 0; i < centers.size(); i++) {
			script.append((i == 0) ? "\\if :q = 0\n" : "\\elif :q = " + i + "\n");
			// The service's query, column for column.
			String vector = "'" + centers.get(i) + "'";
			String score = ip ? "-(embedding <#> " + vector + ")" : "1 - (embedding <=> " + vector + ")";
			script.append("SELECT url, chunk_number, title, summary, content, source, metadata::text AS metadata, "
					+ score + " AS score FROM site_pages ORDER BY embedding " + (ip ? "<#> " : "<=> ") + vector
					+ " LIMIT 10;\n");
		}
		script.append("\\endif\nCOMMIT;\n");
		Files.writeString(out, script);
	}

	static void wrkScript(String key, Path queries, Path out, String probes) throws IOException {
		StringBuilder lua = new StringBuilder("local bodies = {\n");
		for (String query : Files.readAllLines(queries)) {
			lua.append("  ")
				.append(luaString("{\"query\":" + json(query) + ",\"limit\":10" + probes + "}"))
				.append(",\n");
		}
		lua.append("""
				}
				local i = 0
				wrk.method = "POST"
				wrk.headers["Content-Type"] = "application/json"
				wrk.headers["Cache-Control"] = "no-cache"
				wrk.headers["Authorization"] = "Bearer %s"
				request = function()
				  i = i %% #bodies + 1
				  return wrk.format(nil, "/api/v1/vector/search", nil, bodies[i])
				end
				done = function(summary, latency, requests)
				  io.write(string.format('{"requests":%%d,"errors":%%d,"seconds":%%.3f,"p50Ms":%%.3f,"p99Ms":%%.3f}\\n',
				    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
				      + summary.errors.write + summary.errors.timeout,
				    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
				end
				""".formatted(key));
		Files.writeString(out, lua);
	}

	static String luaString(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	static long number(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	static void ingest(String nginx, String key, Path dir, String source, int batch) throws Exception {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(dir)) {
			files = walk.filter((f) -> f.toString().endsWith(".md")).sorted().toList();
		}
		long chunks = 0;
		long serverMs = 0;
		long embeddingMs = 0;
		long started = System.nanoTime();
		for (int from = 0; from < files.size(); from += batch) {
			StringBuilder body = new StringBuilder("{\"source\":" + json(source) + ",\"documents\":[");
			for (int i = from; i < Math.min(files.size(), from + batch); i++) {
				String relative = dir.relativize(files.get(i)).toString();
				body.append((i > from) ? "," : "")
					.append("{\"url\":")
					.append(json("https://ai.pydantic.dev/" + relative))
					.append(",\"title\":")
					.append(json(relative.replace(".md", "")))
					.append(",\"content\":")
					.append(json(Files.readString(files.get(i))))
					.append("}");
			}
			String answer = post(nginx + "/api/v1/vector/documents", key, body.append("]}").toString(), false);
			chunks += number(answer, "chunks");
			serverMs += number(answer, "totalMs");
			embeddingMs += number(answer, "embeddingMs");
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		// The service reports how long it spent embedding inside each request: the rest of its
		// time is chunking and storing that did not overlap the model.
		System.out.printf(Locale.ROOT,
				"{\"documents\":%d,\"chunks\":%d,\"seconds\":%.2f,\"chunksPerSecond\":%.2f,\"serverMs\":%d,"
						+ "\"serverEmbeddingMs\":%d}%n",
				files.size(), chunks, seconds, chunks / seconds, serverMs, embeddingMs);
	}

}
