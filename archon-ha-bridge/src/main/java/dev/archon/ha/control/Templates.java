package dev.archon.ha.control;

import java.util.regex.Pattern;

/**
 * Home Assistant's templates, recognised as Home Assistant recognises them.
 */
public final class Templates {

	/**
	 * Home Assistant renders any string holding one of Jinja's delimiters, a comment's
	 * included: {@code homeassistant.st{# #}op} renders to {@code homeassistant.stop}.
	 */
	private static final Pattern DELIMITERS = Pattern.compile("\\{\\{|\\{%|\\{#");

	private Templates() {
	}

	/**
	 * Whether Home Assistant would render a string as a template, so that what it stands
	 * for is only known when it runs.
	 * @param text the string
	 * @return whether it is a template
	 */
	public static boolean isTemplate(String text) {
		return DELIMITERS.matcher(text).find();
	}

}
