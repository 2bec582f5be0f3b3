package dev.archon.sim.ha.websocket;

import java.time.ZoneId;

import dev.archon.sim.SimToken;
import dev.archon.sim.ha.EventBus;
import dev.archon.sim.ha.Faults;
import dev.archon.sim.ha.HaSimProperties;
import dev.archon.sim.ha.HomeConfig;
import dev.archon.sim.ha.Services;
import dev.archon.sim.ha.States;
import dev.archon.sim.ha.demo.DemoHome;
import dev.archon.sim.ha.history.HistoryJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class HaWebSocketConfiguration {

	@Bean
	HaWebSocketHandler haWebSocketHandler(HaSimProperties properties, SimToken token, States states, EventBus bus,
			Services services, HomeConfig config, HistoryJson historyJson, DemoHome home, Faults faults) {
		return new HaWebSocketHandler(new HaWebSocketHandler.Context(properties, token, states, bus, services, config,
				historyJson, new Registry(home), faults, ZoneId.of(properties.timeZone()),
				HaWebSocketHandler.Context.newScheduler()));
	}

	@Bean
	WebSocketConfigurer haWebSocketConfigurer(HaWebSocketHandler handler) {
		return (WebSocketHandlerRegistry registry) -> registry.addHandler(handler, "/api/websocket")
			.setAllowedOrigins("*");
	}

	/**
	 * Home Assistant takes client frames of up to 4 MiB (aiohttp's default); Tomcat's
	 * default of 8 KiB would cut off a large {@code call_service}.
	 * @return the container settings
	 */
	@Bean
	ServletServerContainerFactoryBean haWebSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(4 * 1024 * 1024);
		return container;
	}

}
