package dev.archon.api.wire.agents;

/**
 * A page of archon-vector's documentation that retrieval found for a version.
 *
 * @param url where it is
 * @param title its title
 * @param score how close its best chunk is to the description, from 0 to 1
 */
public record GroundingPage(String url, String title, double score) {

}
