package dev.archon.ha.control;

import java.util.List;

/**
 * Which services may be called: {@code domain.service} patterns, where {@code domain.*}
 * stands for every service of a domain. A denied pattern wins over an allowed one, and
 * what no pattern allows is refused.
 */
class AllowList {

	private final List<String> allowed;

	private final List<String> denied;

	AllowList(List<String> allowed, List<String> denied) {
		this.allowed = List.copyOf(allowed);
		this.denied = List.copyOf(denied);
	}

	boolean permits(String domain, String service) {
		return !matchesAny(this.denied, domain, service) && matchesAny(this.allowed, domain, service);
	}

	private static boolean matchesAny(List<String> patterns, String domain, String service) {
		for (String pattern : patterns) {
			int dot = pattern.indexOf('.');
			String patternDomain = (dot < 0) ? pattern : pattern.substring(0, dot);
			String patternService = (dot < 0) ? "*" : pattern.substring(dot + 1);
			if (patternDomain.equals(domain) && (patternService.equals("*") || patternService.equals(service))) {
				return true;
			}
		}
		return false;
	}

}
