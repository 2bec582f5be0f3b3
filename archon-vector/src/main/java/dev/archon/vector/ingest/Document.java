package dev.archon.vector.ingest;

import java.util.Map;

/**
 * A page to store.
 *
 * @param url where it lives; its chunks are replaced when it is stored again
 * @param title its title, used before its first heading
 * @param content its Markdown
 * @param metadata what to store with each of its chunks
 */
public record Document(String url, String title, String content, Map<String, Object> metadata) {

}
