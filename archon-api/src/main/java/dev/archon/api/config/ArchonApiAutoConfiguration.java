package dev.archon.api.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.apache.catalina.core.StandardHost;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.ArchonApiProperties;
import dev.archon.api.client.ServiceClients;
import dev.archon.api.problem.ArchonProblemHandler;
import dev.archon.api.problem.DataStoreProblemHandler;
import dev.archon.api.problem.ProblemEnricher;
import dev.archon.api.problem.ProblemErrorController;
import dev.archon.api.problem.ProblemErrorReportValve;
import dev.archon.api.problem.ProblemWriter;
import dev.archon.api.web.BodySizeLimitFilter;
import dev.archon.api.web.ContentTypeFilter;
import dev.archon.api.web.ParameterTextFilter;
import dev.archon.api.web.RequestIdFilter;
import dev.archon.api.web.StrictRequestBodies;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * What every Archon service shares on the wire: problem+json for every error, request
 * ids, a bound on request bodies, strict reading of request bodies and parameters, the
 * OpenAPI description and the client through which services call each other. API-key
 * authentication is {@link dev.archon.api.security.ApiKeySecurityAutoConfiguration}'s.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ArchonApiProperties.class)
@Import({ ArchonProblemHandler.class, ProblemEnricher.class, ProblemErrorController.class })
public final class ArchonApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProblemWriter problemWriter(JsonMapper jsonMapper) {
		return new ProblemWriter(jsonMapper);
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ArchonApiProperties properties,
			ProblemWriter problemWriter) {
		FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
				new BodySizeLimitFilter(properties.maxBodySize(), problemWriter));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Before Spring's {@code FormContentFilter}, which would parse a form body first.
	 */
	@Bean
	FilterRegistrationBean<ContentTypeFilter> contentTypeFilter(ProblemWriter problemWriter) {
		FilterRegistrationBean<ContentTypeFilter> registration = new FilterRegistrationBean<>(
				new ContentTypeFilter(problemWriter));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/**
	 * After Spring Security's filter chain (order -100): a caller without a key learns
	 * nothing about what it sent.
	 */
	@Bean
	FilterRegistrationBean<ParameterTextFilter> parameterTextFilter(ProblemWriter problemWriter) {
		FilterRegistrationBean<ParameterTextFilter> registration = new FilterRegistrationBean<>(
				new ParameterTextFilter(problemWriter));
		registration.setOrder(0);
		return registration;
	}

	@Bean
	StrictRequestBodies strictRequestBodies(JsonMapper jsonMapper) {
		return new StrictRequestBodies(jsonMapper);
	}

	/**
	 * Errors that Tomcat answers itself, before Spring MVC, are problems too. The host
	 * adds this valve after the one Spring Boot puts in its pipeline, so on the way back
	 * out it reports first, and Boot's finds the error already reported.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> ((StandardHost) context.getParent())
			.setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceClients serviceClients(ArchonApiProperties properties, ObjectProvider<MeterRegistry> meterRegistry,
			RestClient.Builder restClientBuilder) {
		return new ServiceClients(properties, meterRegistry.getIfAvailable(SimpleMeterRegistry::new),
				restClientBuilder);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAPI archonOpenApi(Environment environment) {
		String application = environment.getProperty("spring.application.name", "archon");
		return new OpenAPI().info(new Info().title(application).version("v1"))
			.components(new Components().addSecuritySchemes("apiKey",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("apiKey"));
	}

	/**
	 * Only services with Spring's data access exceptions (JDBC, Redis) answer their
	 * outages.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.dao.DataAccessException",
			"org.springframework.transaction.CannotCreateTransactionException" })
	@Import(DataStoreProblemHandler.class)
	static class DataStoreProblems {

	}

}
