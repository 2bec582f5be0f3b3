package dev.archon.vector.index;

/**
 * A new index has been built and searches use it, at its fallback setting until its
 * recall curve is measured.
 *
 * @param index the index
 */
public record IndexBuilt(IndexState index) {

}
