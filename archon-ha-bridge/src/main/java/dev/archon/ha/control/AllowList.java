package dev.archon.ha.control;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which services may be called: {@code domain.service} patterns, where {@code domain.*}
 * stands for every service of a domain. A denied pattern wins over an allowed one, and
 * what no pattern allows is refused.
 * <p>
 * Scripts are the exception. Home Assistant runs a script with whatever variables its
 * caller passes, and a script may do anything, stopping the server included, so no
 * pattern can vouch for the script domain: a script runs only when it is named in the
 * allowed scripts, whether it is called as {@code script.<name>}, started with
 * {@code script.turn_on} or {@code script.toggle}, or reached by a service of another
 * domain that targets its entity ({@code homeassistant.turn_on}).
 * <p>
 * Names are compared as Home Assistant reads them: trimmed and in lower case.
 */
public final class AllowList {

	private static final String SCRIPT = "script";

	/** The script domain's services that act on the script entities they target. */
	private static final Set<String> SCRIPT_ENTITY_SERVICES = Set.of("turn_on", "toggle", "turn_off");

	/**
	 * Home Assistant refuses scripts with these names, because {@code script.<name>}
	 * would be one of the domain's own services; naming one here would open that service
	 * to every script.
	 */
	private static final Set<String> RESERVED_SCRIPT_NAMES = Set.of("turn_on", "turn_off", "toggle", "reload");

	/**
	 * Home Assistant's generic services, which act on entities of every domain: turning a
	 * script entity on starts the script.
	 */
	private static final Set<String> GENERIC_STARTERS = Set.of("homeassistant.turn_on", "homeassistant.toggle");

	private static final String GROUP = "group";

	private final List<String> allowed;

	private final List<String> denied;

	private final Set<String> allowedScripts;

	/**
	 * The allow-list of a bridge.
	 * @param allowed allowed {@code domain.service} patterns; none may be of the script
	 * domain
	 * @param denied refused patterns, which win over everything allowed
	 * @param allowedScripts the scripts that may run, by name ({@code good_night}) or
	 * entity id ({@code script.good_night})
	 * @throws IllegalArgumentException when a script is allowed by pattern or by a
	 * reserved name
	 */
	public AllowList(List<String> allowed, List<String> denied, List<String> allowedScripts) {
		this.allowed = allowed.stream().map(AllowList::normalise).toList();
		this.denied = denied.stream().map(AllowList::normalise).toList();
		for (String pattern : this.allowed) {
			if (pattern.equals(SCRIPT) || pattern.startsWith(SCRIPT + ".")) {
				throw new IllegalArgumentException("archon.ha.control.allowed may not hold '" + pattern
						+ "': a script runs with whatever variables its caller chooses, so scripts are allowed one by"
						+ " one, by name, in archon.ha.control.allowed-scripts");
			}
		}
		this.allowedScripts = Set
			.copyOf(allowedScripts.stream().map(AllowList::scriptName).filter((name) -> !name.isEmpty()).toList());
		for (String name : this.allowedScripts) {
			if (RESERVED_SCRIPT_NAMES.contains(name) || name.contains(".")) {
				throw new IllegalArgumentException("archon.ha.control.allowed-scripts may not hold '" + name
						+ "': it is not the name of a script");
			}
		}
	}

	/**
	 * Whether a service may be called on nothing in particular.
	 * @param domain the domain
	 * @param service the service
	 * @return whether it may be called
	 */
	boolean permits(String domain, String service) {
		return permits(domain, service, Targets.NONE);
	}

	/**
	 * Whether a service may be called on some targets.
	 * @param domain the domain
	 * @param service the service
	 * @param targets what the call acts on
	 * @return whether it may be called
	 */
	boolean permits(String domain, String service, Targets targets) {
		String normalDomain = normalise(domain);
		String normalService = normalise(service);
		if (matchesAny(this.denied, normalDomain, normalService)) {
			return false;
		}
		if (normalDomain.equals(SCRIPT)) {
			if (SCRIPT_ENTITY_SERVICES.contains(normalService)) {
				// Which scripts it starts is only known when the target names them all.
				return !targets.unresolved() && !targets.entityIds().isEmpty()
						&& targets.entityIds().stream().allMatch(this::isAllowedScript);
			}
			return this.allowedScripts.contains(normalService);
		}
		if (!matchesAny(this.allowed, normalDomain, normalService)) {
			return false;
		}
		if (GENERIC_STARTERS.contains(normalDomain + "." + normalService) && (targets.unresolved()
				|| targets.entityIds().stream().anyMatch((entityId) -> entityId.startsWith(GROUP + ".")))) {
			// An area, a device, a label or a group (which Home Assistant expands into
			// its
			// members) may hold any script.
			return false;
		}
		return targets.entityIds()
			.stream()
			.filter((entityId) -> entityId.startsWith(SCRIPT + "."))
			.allMatch(this::isAllowedScript);
	}

	/**
	 * Refuses a service the allow-list does not permit.
	 * @param domain the domain
	 * @param service the service
	 * @param targets what the call acts on
	 * @param path where the request names the service, or {@code null} when the request
	 * is the call itself
	 * @throws ServiceNotAllowed when it is not permitted
	 */
	public void check(String domain, String service, Targets targets, @Nullable String path) {
		if (!permits(domain, service, targets)) {
			throw new ServiceNotAllowed(domain, service, concernsScripts(domain, targets), path);
		}
	}

	/** Whether a refusal should point at the allowed scripts rather than the patterns. */
	private boolean concernsScripts(String domain, Targets targets) {
		return normalise(domain).equals(SCRIPT)
				|| targets.entityIds().stream().anyMatch((entityId) -> entityId.startsWith(SCRIPT + "."));
	}

	/**
	 * Whether a script entity may be started: a denied {@code script.<name>} stays
	 * denied, however the script is reached.
	 */
	private boolean isAllowedScript(String entityId) {
		if (!entityId.startsWith(SCRIPT + ".")) {
			return false;
		}
		String name = entityId.substring(SCRIPT.length() + 1);
		return this.allowedScripts.contains(name) && !matchesAny(this.denied, SCRIPT, name);
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

	private static String scriptName(String configured) {
		String name = normalise(configured);
		return name.startsWith(SCRIPT + ".") ? name.substring(SCRIPT.length() + 1) : name;
	}

	/**
	 * A name as Home Assistant reads it.
	 * @param name a domain, a service, an entity id or a pattern
	 * @return it trimmed and in lower case
	 */
	public static String normalise(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

}
