package dev.archon.agentgen.compose;

/**
 * A page of documentation that retrieval found.
 *
 * @param url where it is
 * @param title its title
 * @param score how close its best chunk is to the description, from 0 to 1
 * @param excerpt the text of its chunks that retrieval found
 */
public record Page(String url, String title, double score, String excerpt) {

}
