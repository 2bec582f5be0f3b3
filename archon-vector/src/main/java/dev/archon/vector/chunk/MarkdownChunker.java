package dev.archon.vector.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts Markdown into chunks of about a target size. A chunk ends, by preference, before a
 * heading, then between paragraphs, then between sentences, then at a space; a fenced
 * code block is never cut unless it alone is longer than {@code maxFence}, and then only
 * between its lines. The chunks' own parts cover the document exactly, in order, so every
 * character is in some chunk; each chunk after the first also repeats a little of the
 * previous one's prose (the overlap), so that a sentence cut from its context is still
 * found.
 */
public class MarkdownChunker {

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

	private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

	private static final int SUMMARY_LENGTH = 300;

	private final int targetSize;

	private final int overlap;

	private final int maxFence;

	public MarkdownChunker(int targetSize, int overlap, int maxFence) {
		this.targetSize = targetSize;
		this.overlap = Math.min(overlap, targetSize / 2);
		this.maxFence = Math.max(maxFence, targetSize);
	}

	/**
	 * Cuts a document.
	 * @param documentTitle the title to use before the first heading
	 * @param markdown the document
	 * @return its chunks, in order; none for a blank document
	 */
	public List<Chunk> chunk(String documentTitle, String markdown) {
		if (markdown.isBlank()) {
			return List.of();
		}
		List<Piece> pieces = new ArrayList<>();
		for (Block block : blocks(markdown)) {
			split(block, markdown, pieces);
		}
		List<List<Piece>> groups = pack(pieces);
		List<Chunk> chunks = new ArrayList<>(groups.size());
		String heading = documentTitle;
		String previous = "";
		for (List<Piece> group : groups) {
			int start = group.get(0).start;
			int end = group.get(group.size() - 1).end;
			String own = markdown.substring(start, end);
			Piece first = group.get(0);
			String title = (first.kind == Kind.HEADING) ? first.heading() : heading;
			for (Piece piece : group) {
				if (piece.kind == Kind.HEADING) {
					heading = piece.heading();
				}
			}
			if (title.isBlank()) {
				title = documentTitle;
			}
			String prefix = (first.kind != Kind.CODE) ? overlapOf(previous) : "";
			chunks.add(new Chunk(chunks.size(), title, summarize(group, markdown, title), prefix + own, start, end));
			previous = lastProse(group, markdown);
		}
		return chunks;
	}

	private List<Block> blocks(String markdown) {
		List<Block> blocks = new ArrayList<>();
		int position = 0;
		int length = markdown.length();
		Block open = null;
		String fence = null;
		while (position < length) {
			int lineEnd = markdown.indexOf('\n', position);
			lineEnd = (lineEnd < 0) ? length : lineEnd + 1;
			String line = markdown.substring(position, lineEnd);
			if (fence != null) {
				open.end = lineEnd;
				char fenceChar = fence.charAt(0);
				String stripped = line.strip();
				if (stripped.startsWith(fence) && stripped.chars().allMatch((c) -> c == fenceChar)) {
					fence = null;
				}
			}
			else if (line.isBlank()) {
				if (open == null) {
					open = new Block(Kind.PROSE, position);
					blocks.add(open);
				}
				open.end = lineEnd;
				open.closed = true;
			}
			else {
				Matcher fenceMatch = FENCE.matcher(line);
				Matcher headingMatch = HEADING.matcher(line.stripTrailing());
				if (fenceMatch.find()) {
					fence = fenceMatch.group(1);
					open = new Block(Kind.CODE, position);
					open.end = lineEnd;
					blocks.add(open);
				}
				else if (headingMatch.matches()) {
					open = new Block(Kind.HEADING, position);
					open.end = lineEnd;
					open.heading = headingMatch.group(2);
					open.closed = true;
					blocks.add(open);
				}
				else {
					if (open == null || open.kind != Kind.PROSE || open.closed) {
						open = new Block(Kind.PROSE, position);
						blocks.add(open);
					}
					open.end = lineEnd;
				}
			}
			position = lineEnd;
		}
		return blocks;
	}

	private void split(Block block, String text, List<Piece> pieces) {
		int size = block.end - block.start;
		if (block.kind == Kind.HEADING) {
			pieces.add(new Piece(Kind.HEADING, block.start, block.end, block.heading));
		}
		else if (block.kind == Kind.CODE) {
			if (size <= this.maxFence) {
				pieces.add(new Piece(Kind.CODE, block.start, block.end));
			}
			else {
				splitCode(block, text, pieces);
			}
		}
		else if (size <= this.targetSize) {
			pieces.add(new Piece(Kind.PROSE, block.start, block.end));
		}
		else {
			splitProse(block, text, pieces);
		}
	}

	// Only a fence longer than maxFence gets here: it is cut between lines, never inside
	// one
	// (unless a single line is longer still).
	private void splitCode(Block block, String text, List<Piece> pieces) {
		int start = block.start;
		int position = block.start;
		while (position < block.end) {
			int lineEnd = text.indexOf('\n', position);
			lineEnd = (lineEnd < 0 || lineEnd + 1 > block.end) ? block.end : lineEnd + 1;
			if (lineEnd - start > this.maxFence && position > start) {
				pieces.add(new Piece(Kind.CODE, start, position));
				start = position;
			}
			while (lineEnd - start > this.maxFence) {
				pieces.add(new Piece(Kind.CODE, start, start + this.maxFence));
				start += this.maxFence;
			}
			position = lineEnd;
		}
		if (start < block.end) {
			pieces.add(new Piece(Kind.CODE, start, block.end));
		}
	}

	private void splitProse(Block block, String text, List<Piece> pieces) {
		List<int[]> sentences = new ArrayList<>();
		Matcher matcher = SENTENCE_END.matcher(text).region(block.start, block.end);
		int start = block.start;
		while (matcher.find()) {
			sentences.add(new int[] { start, matcher.end() });
			start = matcher.end();
		}
		if (start < block.end) {
			sentences.add(new int[] { start, block.end });
		}
		int pieceStart = block.start;
		int pieceEnd = block.start;
		for (int[] sentence : sentences) {
			if (sentence[1] - pieceStart > this.targetSize && pieceEnd > pieceStart) {
				pieces.add(new Piece(Kind.PROSE, pieceStart, pieceEnd));
				pieceStart = pieceEnd;
			}
			while (sentence[1] - pieceStart > this.targetSize) {
				int cut = text.lastIndexOf(' ', pieceStart + this.targetSize);
				cut = (cut <= pieceStart) ? pieceStart + this.targetSize : cut + 1;
				pieces.add(new Piece(Kind.PROSE, pieceStart, cut));
				pieceStart = cut;
			}
			pieceEnd = sentence[1];
		}
		if (pieceStart < block.end) {
			pieces.add(new Piece(Kind.PROSE, pieceStart, block.end));
		}
	}

	private List<List<Piece>> pack(List<Piece> pieces) {
		List<List<Piece>> groups = new ArrayList<>();
		List<Piece> current = new ArrayList<>();
		int size = 0;
		for (Piece piece : pieces) {
			int length = piece.end - piece.start;
			boolean full = size + length > Math.max(this.targetSize, (piece.kind == Kind.CODE) ? length : 0);
			boolean headingBreak = piece.kind == Kind.HEADING && size >= this.targetSize / 3;
			if (!current.isEmpty() && (full || headingBreak)) {
				// A heading at the end of a chunk belongs to what follows it.
				List<Piece> carried = new ArrayList<>();
				while (current.size() > 1 && current.get(current.size() - 1).kind == Kind.HEADING && !headingBreak) {
					carried.add(0, current.remove(current.size() - 1));
				}
				groups.add(current);
				current = new ArrayList<>(carried);
				size = carried.stream().mapToInt((p) -> p.end - p.start).sum();
			}
			current.add(piece);
			size += length;
		}
		if (!current.isEmpty()) {
			groups.add(current);
		}
		return groups;
	}

	private String overlapOf(String previous) {
		if (this.overlap == 0 || previous.isEmpty()) {
			return "";
		}
		int from = Math.max(0, previous.length() - this.overlap);
		// Start the overlap at a sentence or word boundary, not inside a word.
		Matcher sentence = SENTENCE_END.matcher(previous).region(from, previous.length());
		if (sentence.find() && sentence.end() < previous.length()) {
			return previous.substring(sentence.end());
		}
		int space = previous.indexOf(' ', from);
		return (space >= 0 && space + 1 < previous.length()) ? previous.substring(space + 1) : "";
	}

	private static String lastProse(List<Piece> group, String markdown) {
		Piece last = group.get(group.size() - 1);
		return (last.kind == Kind.PROSE) ? markdown.substring(last.start, last.end) : "";
	}

	private static String summarize(List<Piece> group, String markdown, String title) {
		StringBuilder summary = new StringBuilder();
		for (Piece piece : group) {
			if (piece.kind != Kind.PROSE) {
				continue;
			}
			String prose = markdown.substring(piece.start, piece.end).strip().replaceAll("\\s+", " ");
			for (String sentence : SENTENCE_END.split(prose)) {
				if (summary.length() + sentence.length() > SUMMARY_LENGTH && !summary.isEmpty()) {
					return summary.toString();
				}
				summary.append(summary.isEmpty() ? "" : " ").append(sentence);
				if (summary.length() >= SUMMARY_LENGTH / 2) {
					return cut(summary.toString());
				}
			}
		}
		return summary.isEmpty() ? title : cut(summary.toString());
	}

	private static String cut(String text) {
		return (text.length() <= SUMMARY_LENGTH) ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
	}

	private enum Kind {

		PROSE, HEADING, CODE

	}

	private static final class Block {

		final Kind kind;

		final int start;

		int end;

		String heading = "";

		boolean closed;

		Block(Kind kind, int start) {
			this.kind = kind;
			this.start = start;
		}

	}

	private record Piece(Kind kind, int start, int end, String heading) {

		Piece(Kind kind, int start, int end) {
			this(kind, start, end, "");
		}

	}

}
