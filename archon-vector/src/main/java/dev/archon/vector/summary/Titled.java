package dev.archon.vector.summary;

/**
 * A chunk's title and summary, as stored with it.
 *
 * @param title the title
 * @param summary the summary
 */
public record Titled(String title, String summary) {

}
