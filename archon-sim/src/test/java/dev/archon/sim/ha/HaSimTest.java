package dev.archon.sim.ha;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.archon.sim.SimApplication;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Starts the whole simulator on a random port, with one settings set for every Home
 * Assistant test so that they share one application context: four weeks of history, so
 * that the routine tests have enough days whatever the date, and a short auth timeout.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = SimApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "archon.sim.token=" + HaSimTest.TOKEN, "management.server.port=0",
				"archon.sim.ha.history-days=28", "archon.sim.ha.websocket.auth-timeout=2s" })
public @interface HaSimTest {

	String TOKEN = TestSecrets.SIMULATOR_TOKEN;

}
