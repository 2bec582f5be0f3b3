package dev.archon.vector.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt for one user agent: the longest matching Allow or Disallow
 * prefix wins, as RFC 9309 says. Wildcards other than a trailing {@code *} and {@code $}
 * are treated literally, which errs on the side of not fetching.
 */
final class Robots {

	static final Robots ALLOW_ALL = new Robots(List.of(), List.of());

	private final List<String> allows;

	private final List<String> disallows;

	private Robots(List<String> allows, List<String> disallows) {
		this.allows = allows;
		this.disallows = disallows;
	}

	static Robots parse(String text, String userAgent) {
		String agent = userAgent.toLowerCase(Locale.ROOT);
		List<String> specificAllows = new ArrayList<>();
		List<String> specificDisallows = new ArrayList<>();
		List<String> anyAllows = new ArrayList<>();
		List<String> anyDisallows = new ArrayList<>();
		boolean specific = false;
		boolean any = false;
		boolean inAgents = false;
		boolean sawSpecific = false;
		for (String raw : text.split("\r?\n")) {
			String line = raw.replaceFirst("#.*", "").strip();
			int colon = line.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).strip();
			if (field.equals("user-agent")) {
				if (!inAgents) {
					specific = false;
					any = false;
				}
				inAgents = true;
				String named = value.toLowerCase(Locale.ROOT);
				if (named.equals("*")) {
					any = true;
				}
				else if (agent.contains(named)) {
					specific = true;
					sawSpecific = true;
				}
				continue;
			}
			inAgents = false;
			if (!field.equals("allow") && !field.equals("disallow")) {
				continue;
			}
			String path = value.replaceAll("\\*$", "");
			if (field.equals("disallow") && path.isEmpty()) {
				continue;
			}
			if (specific) {
				(field.equals("allow") ? specificAllows : specificDisallows).add(path);
			}
			if (any) {
				(field.equals("allow") ? anyAllows : anyDisallows).add(path);
			}
		}
		return sawSpecific ? new Robots(specificAllows, specificDisallows) : new Robots(anyAllows, anyDisallows);
	}

	boolean allows(String path) {
		int allow = longest(this.allows, path);
		int disallow = longest(this.disallows, path);
		return disallow < 0 || allow >= disallow;
	}

	private static int longest(List<String> prefixes, String path) {
		int longest = -1;
		for (String prefix : prefixes) {
			boolean exact = prefix.endsWith("$");
			String body = exact ? prefix.substring(0, prefix.length() - 1) : prefix;
			if ((exact ? path.equals(body) : path.startsWith(body)) && body.length() > longest) {
				longest = body.length();
			}
		}
		return longest;
	}

}
