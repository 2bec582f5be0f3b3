package dev.archon.ha.client;

import java.net.http.HttpClient;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.ha.HaProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * The clients toward Home Assistant, both built from the same settings: its connect
 * timeout, and the trust of {@code archon.ha.ssl-bundle} when Home Assistant's
 * certificate is one the JDK does not trust.
 */
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

	@Bean
	HomeAssistantConnection homeAssistantConnection(HaProperties properties, SslBundles sslBundles, JsonMapper json,
			ObjectProvider<HomeAssistantListener> listeners, MeterRegistry meters) {
		// Messages are handled on the thread that read them rather than handed to a pool
		// thread each: the listeners never block, and a hand-off per message cost more
		// than handling it. The client serves this one WebSocket only.
		HttpClient http = new JdkHttpClientBuilder().withExecutor(Runnable::run)
			.build(settings(properties, sslBundles));
		return new HomeAssistantConnection(properties, http, json, listeners, meters);
	}

	/**
	 * The REST client, from Boot's builder so that its calls are observed
	 * ({@code http.client.requests}) like every other outbound call.
	 */
	@Bean
	HomeAssistantRest homeAssistantRest(HaProperties properties, SslBundles sslBundles,
			RestClient.Builder restClients) {
		HttpClientSettings settings = settings(properties, sslBundles)
			.withReadTimeout(properties.control().restTimeout());
		RestClient client = restClients.clone()
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.withHttpClientCustomizer((http) -> http.version(HttpClient.Version.HTTP_1_1))
				.build(settings))
			.baseUrl(properties.url().toString().replaceFirst("/+$", ""))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.token())
			.build();
		return new HomeAssistantRest(client);
	}

	private static HttpClientSettings settings(HaProperties properties, SslBundles sslBundles) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withConnectTimeout(properties.websocket().connectTimeout());
		String bundle = properties.sslBundle();
		return (bundle != null) ? settings.withSslBundle(sslBundles.getBundle(bundle)) : settings;
	}

}
