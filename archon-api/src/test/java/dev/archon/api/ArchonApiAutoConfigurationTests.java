package dev.archon.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.client.ServiceClients;
import dev.archon.api.config.ArchonApiAutoConfiguration;
import dev.archon.api.problem.ProblemWriter;
import dev.archon.api.security.ApiKeySecurityAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class ArchonApiAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ArchonApiAutoConfiguration.class, RestClientAutoConfiguration.class))
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build());

	private final WebApplicationContextRunner securedRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(ApiKeySecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class));

	@Test
	void registersFiltersClientsAndErrorHandling() {
		this.contextRunner.withPropertyValues("archon.api.keys=k1,k2").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ProblemWriter.class).hasSingleBean(ServiceClients.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class)).containsOnlyKeys("requestIdFilter",
					"bodySizeLimitFilter", "parameterTextFilter", "contentTypeFilter");
			assertThat(context.getBean(ArchonApiProperties.class).keys()).containsExactly("k1", "k2");
		});
	}

	@Test
	void backsOffWhenServiceDefinesItsOwnProblemWriter() {
		this.contextRunner.withUserConfiguration(CustomProblemWriter.class)
			.run((context) -> assertThat(context.getBean(ProblemWriter.class))
				.isSameAs(context.getBean(CustomProblemWriter.class).writer));
	}

	@Test
	void securesWithApiKeysInsteadOfBootsGeneratedUser() {
		this.securedRunner.withPropertyValues("archon.api.keys=k1").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(SecurityFilterChain.class)
				.hasBean("apiKeySecurityFilterChain")
				.hasSingleBean(AuthenticationManager.class)
				.doesNotHaveBean(UserDetailsService.class);
		});
	}

	@Test
	void refusesMalformedHashedKeyAtStartup() {
		this.securedRunner.withPropertyValues("archon.api.keys=sha256:not-hex")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("64 hexadecimal digits"));
	}

	@Test
	void stopsOnInvalidSetting() {
		this.contextRunner.withPropertyValues("archon.api.max-body-size=lots")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomProblemWriter {

		final ProblemWriter writer = new ProblemWriter(JsonMapper.builder().build());

		@Bean
		ProblemWriter customWriter() {
			return this.writer;
		}

	}

}
