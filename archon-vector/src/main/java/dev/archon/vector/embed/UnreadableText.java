package dev.archon.vector.embed;

/**
 * A text in which the model's tokenizer keeps nothing: only whitespace, control and
 * format characters, unassigned or private-use code points, broken surrogates or
 * replacement characters. langchain4j refuses to embed it, and no vector would mean
 * anything.
 */
public class UnreadableText extends RuntimeException {

	private final int index;

	UnreadableText(int index) {
		super("Text " + index + " has nothing the embedding model can read: only whitespace, control characters "
				+ "or broken Unicode.");
		this.index = index;
	}

	/**
	 * Which text it was.
	 * @return its place among the texts given
	 */
	public int index() {
		return this.index;
	}

}
