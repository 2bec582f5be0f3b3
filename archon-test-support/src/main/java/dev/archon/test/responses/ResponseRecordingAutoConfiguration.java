package dev.archon.test.responses;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Records every response of every servlet application that a test starts: the services
 * under test and the simulators beside them. It is on no classpath but the tests', since
 * archon-test-support is a test dependency only, so no running service records anything.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
public class ResponseRecordingAutoConfiguration {

	@Bean
	FilterRegistrationBean<ResponseRecordingFilter> responseRecordingFilter(Environment environment) {
		String application = environment.getProperty("spring.application.name", "application");
		FilterRegistrationBean<ResponseRecordingFilter> registration = new FilterRegistrationBean<>(
				new ResponseRecordingFilter(application, ResponseLog.ofThisJvm()));
		// Outermost, so that what it records is what left the application, a refusal by
		// Spring Security included.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

}
