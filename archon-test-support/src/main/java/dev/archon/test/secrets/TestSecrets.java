package dev.archon.test.secrets;

import java.util.List;

/**
 * Every secret that the tests configure or send, in one place: tests take their keys and
 * tokens from here, and {@link SecretsScan} looks for exactly these, so the list it scans
 * for cannot drift from what the tests use.
 * <p>
 * Each value is long and unlike any word, so that finding it in a log or a response can
 * only mean that the secret leaked. The database password ({@code archon}) is not among
 * them: it is the local test database's well-known default, not a credential to keep.
 */
public final class TestSecrets {

	/**
	 * The API key the services under test accept ({@code archon.api.keys}) and clients
	 * send.
	 */
	public static final String API_KEY = "archon-test-api-key-3f9c1e7a";

	/**
	 * An API key that a service is given only as its SHA-256 digest
	 * ({@code archon.api.keys=sha256:…}), and that clients send in clear.
	 */
	public static final String DIGEST_ONLY_API_KEY = "archon-test-digest-only-key-52e07b";

	/**
	 * The token of archon-sim ({@code archon.sim.token}): what Home Assistant clients
	 * such as the bridge present, and what its control endpoints ask for.
	 */
	public static final String SIMULATOR_TOKEN = "archon-test-sim-token-8b2d4f61";

	/** The API key given to the simulated LLM providers. */
	public static final String LLM_PROVIDER_KEY = "archon-test-llm-key-c05e93d2";

	/** The GitHub token that the generated agents' tools send to the simulated GitHub. */
	public static final String GITHUB_TOKEN = "ghp_archonTestGithubToken71d3";

	/**
	 * The Slack bot token that the generated agents' tools send to the simulated Slack.
	 */
	public static final String SLACK_BOT_TOKEN = "xoxb-archon-test-slack-token-46a8";

	/**
	 * The Brave Search key that the generated agents' tools send to the simulated Brave.
	 */
	public static final String BRAVE_API_KEY = "archon-test-brave-key-9e27b0";

	private TestSecrets() {
	}

	/**
	 * Every secret of this registry, named.
	 * @return the secrets
	 */
	public static List<Secret> all() {
		return List.of(new Secret("API key", API_KEY),
				new Secret("API key configured as its digest", DIGEST_ONLY_API_KEY),
				new Secret("simulator token", SIMULATOR_TOKEN), new Secret("LLM provider key", LLM_PROVIDER_KEY),
				new Secret("GitHub token", GITHUB_TOKEN), new Secret("Slack bot token", SLACK_BOT_TOKEN),
				new Secret("Brave Search key", BRAVE_API_KEY));
	}

}
