package dev.archon.test.responses;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseRecordingAutoConfigurationTests {

	private static final AutoConfigurations RECORDING = AutoConfigurations.of(ResponseRecordingAutoConfiguration.class);

	@Test
	void registersTheRecordingFilterOutermostForRequestsAndErrorPages() {
		new WebApplicationContextRunner().withConfiguration(RECORDING).run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(ResponseRecordingFilter.class);
			assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
			assertThat(registration.determineDispatcherTypes()).containsExactlyInAnyOrder(DispatcherType.REQUEST,
					DispatcherType.ERROR);
		});
	}

	@Test
	void recordsNothingOutsideAServletApplication() {
		new ApplicationContextRunner().withConfiguration(RECORDING)
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void isAnAutoConfigurationThatEveryApplicationATestStartsPicksUp() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
			.contains(ResponseRecordingAutoConfiguration.class.getName());
	}

}
