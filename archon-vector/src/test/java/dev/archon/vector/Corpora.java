package dev.archon.vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.archon.api.wire.vector.IngestRequest.DocumentInput;

/**
 * The real documentation corpus the tests and the benchmark ingest:
 * {@code ../shared/corpus/pydantic-ai-docs} from the repository's root.
 */
public final class Corpora {

	/** Where the corpus's pages claim to live. */
	public static final String BASE_URL = "https://ai.pydantic.dev/";

	private Corpora() {
	}

	/**
	 * The corpus's folder, resolved from the module's folder (where Maven runs tests) or
	 * the repository's root.
	 * @return the folder
	 * @throws IllegalStateException when it is missing, saying where it was looked for
	 */
	public static Path pydanticAiDocs() {
		Path fromModule = Path.of("../../shared/corpus/pydantic-ai-docs").toAbsolutePath().normalize();
		Path fromRoot = Path.of("../shared/corpus/pydantic-ai-docs").toAbsolutePath().normalize();
		for (Path candidate : List.of(fromModule, fromRoot)) {
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("The corpus ../shared/corpus/pydantic-ai-docs (relative to the repository's "
				+ "root) is missing: looked in " + fromModule + " and " + fromRoot);
	}

	/**
	 * The corpus's Markdown pages as ingestion documents.
	 * @return one document per page, without metadata
	 */
	public static List<DocumentInput> documents() {
		Path root = pydanticAiDocs();
		List<DocumentInput> documents = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".md")).sorted().toList()) {
				String relative = root.relativize(file).toString();
				documents.add(new DocumentInput(BASE_URL + relative, relative.replace(".md", ""),
						Files.readString(file), null));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

}
