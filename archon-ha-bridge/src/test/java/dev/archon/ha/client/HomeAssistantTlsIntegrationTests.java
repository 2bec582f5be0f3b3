package dev.archon.ha.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.ha.HaProperties;
import dev.archon.ha.state.StateCache;
import dev.archon.sim.SimApplication;
import dev.archon.test.InProcessSimulator;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Home Assistant over TLS with a self-signed certificate, made for this test: trusted
 * through {@code archon.ha.ssl-bundle} by the WebSocket and the REST client alike, and
 * refused by both without it.
 */
@SpringBootTest(properties = { "archon.api.keys=" + TestSecrets.API_KEY, "archon.ha.ssl-bundle=home-assistant" })
@UsesRealServices
@ExtendWith(OutputCaptureExtension.class)
class HomeAssistantTlsIntegrationTests {

	private static final String TOKEN = TestSecrets.SIMULATOR_TOKEN;

	private static final String STORE_PASSWORD = "tls-test-store";

	private static final String ALIAS = "home-assistant";

	@DynamicPropertySource
	static void homeAssistant(DynamicPropertyRegistry registry) {
		registry.add("archon.ha.url", () -> TlsSimulator.get().url());
		registry.add("archon.ha.token", () -> TOKEN);
		registry.add("archon.ha.cache.redis-key", () -> "archon:ha:test:" + UUID.randomUUID());
		registry.add("spring.ssl.bundle.pem.home-assistant.truststore.certificate",
				() -> "file:" + TlsSimulator.get().certificate());
	}

	@AfterAll
	static void stopSimulator() {
		TlsSimulator.get().context().close();
	}

	@Autowired
	StateCache cache;

	@Autowired
	HomeAssistantRest rest;

	@Autowired
	MeterRegistry meters;

	@Test
	void trustsASelfSignedHomeAssistantThroughTheSslBundle() {
		await().atMost(Duration.ofSeconds(60)).until(this.cache::isSynchronised);
		assertThat(this.cache.size()).isPositive();

		assertThat(this.rest.config().path("time_zone").asString()).isNotEmpty();

		assertThat(this.meters.find("http.client.requests").tag("status", "200").timers())
			.as("the REST calls observed as Boot observes outbound calls")
			.anySatisfy((timer) -> {
				assertThat(timer.getId().getTag("uri")).contains("/api/config");
				assertThat(timer.count()).isPositive();
			});
	}

	@Test
	void refusesASelfSignedHomeAssistantWithoutTheBundle(CapturedOutput output) {
		HaProperties untrusting = properties(TlsSimulator.get().url());
		ClientConfiguration clients = new ClientConfiguration();
		HomeAssistantRest rest = clients.homeAssistantRest(untrusting, new DefaultSslBundleRegistry(),
				RestClient.builder());

		CommandFailed refused = catchThrowableOfType(CommandFailed.class, rest::config);

		assertThat(refused.outcome()).isEqualTo(CommandFailed.Outcome.NOT_SENT);
		assertThat(causes(refused)).hasAtLeastOneElementOfType(SSLHandshakeException.class);

		HomeAssistantConnection connection = clients.homeAssistantConnection(untrusting, new DefaultSslBundleRegistry(),
				JsonMapper.builder().build(),
				new StaticListableBeanFactory().getBeanProvider(HomeAssistantListener.class),
				new SimpleMeterRegistry());
		connection.start();
		try {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> output.getAll().contains("Cannot connect to Home Assistant at wss://"));
			assertThat(connection.isConnected()).isFalse();
		}
		finally {
			connection.stop();
		}
	}

	private static List<Throwable> causes(Throwable failure) {
		return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).toList();
	}

	private static HaProperties properties(String url) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		source.put("archon.ha.url", url);
		source.put("archon.ha.token", TOKEN);
		source.put("archon.ha.websocket.initial-backoff", "5s");
		return new Binder(List.of(source)).bindOrCreate("archon.ha", HaProperties.class);
	}

	/**
	 * The simulator serving HTTPS and WSS with a key pair and a self-signed certificate
	 * that keytool makes for this run only.
	 *
	 * @param context the running simulator
	 * @param url where it answers
	 * @param certificate its certificate, in PEM
	 */
	private record TlsSimulator(ConfigurableApplicationContext context, String url, Path certificate) {

		private static TlsSimulator instance;

		static synchronized TlsSimulator get() {
			if (instance == null) {
				instance = start();
			}
			return instance;
		}

		private static TlsSimulator start() {
			try {
				Path directory = Files.createTempDirectory("archon-ha-tls");
				Path keyStore = directory.resolve("home-assistant.p12");
				Path certificate = directory.resolve("home-assistant.pem");
				keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
						"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype",
						"PKCS12", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD);
				keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStore.toString(), "-storepass",
						STORE_PASSWORD, "-file", certificate.toString());
				String[] arguments = Stream.concat(Stream.of(InProcessSimulator.arguments(TOKEN)),
						Stream.of("--server.ssl.key-store=file:" + keyStore, "--server.ssl.key-store-type=PKCS12",
								"--server.ssl.key-store-password=" + STORE_PASSWORD))
					.toArray(String[]::new);
				ConfigurableApplicationContext context = new SpringApplicationBuilder(SimApplication.class)
					.run(arguments);
				return new TlsSimulator(context,
						"https://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port"),
						certificate);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void keytool(String... arguments) throws IOException {
			List<String> command = Stream
				.concat(Stream.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()),
						Stream.of(arguments))
				.toList();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			try {
				String log = new String(process.getInputStream().readAllBytes());
				assertThat(process.waitFor()).as("keytool %s: %s", arguments[0], log).isZero();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
