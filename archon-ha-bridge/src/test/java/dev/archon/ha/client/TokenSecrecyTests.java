package dev.archon.ha.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.ha.HaProperties;
import dev.archon.sim.SimApplication;
import dev.archon.test.InProcessSimulator;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class TokenSecrecyTests {

	private static final String SIM_TOKEN = TestSecrets.SIMULATOR_TOKEN;

	private static final String WRONG_TOKEN = "wrong-token-8d31e7";

	@Test
	void tokenNeverReachesTheLogDuringConnectAuthAndFailedAuth(CapturedOutput output) {
		try (ConfigurableApplicationContext sim = new SpringApplicationBuilder(SimApplication.class)
			.run(InProcessSimulator.arguments(SIM_TOKEN))) {
			String url = "http://localhost:" + sim.getEnvironment().getProperty("local.server.port");
			HomeAssistantConnection accepted = connection(url, SIM_TOKEN);
			HomeAssistantConnection refused = connection(url, WRONG_TOKEN);
			try {
				accepted.start();
				refused.start();
				await().atMost(Duration.ofSeconds(30)).until(accepted::isConnected);
				await().atMost(Duration.ofSeconds(30))
					.until(() -> output.getAll().contains("Home Assistant refused the access token"));
				assertThat(refused.isConnected()).isFalse();
				assertThat(properties(url, WRONG_TOKEN).toString()).doesNotContain(WRONG_TOKEN);
			}
			finally {
				accepted.stop();
				refused.stop();
			}
		}
		assertThat(output.getAll()).contains("Connected to Home Assistant")
			.doesNotContain(SIM_TOKEN)
			.doesNotContain(WRONG_TOKEN);
	}

	private static HomeAssistantConnection connection(String url, String token) {
		return new HomeAssistantConnection(properties(url, token), HttpClient.newHttpClient(),
				JsonMapper.builder().build(),
				new StaticListableBeanFactory().getBeanProvider(HomeAssistantListener.class),
				new SimpleMeterRegistry());
	}

	private static HaProperties properties(String url, String token) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		source.put("archon.ha.url", URI.create(url).toString());
		source.put("archon.ha.token", token);
		source.put("archon.ha.websocket.initial-backoff", "5s");
		return new Binder(List.of(source)).bindOrCreate("archon.ha", HaProperties.class);
	}

}
