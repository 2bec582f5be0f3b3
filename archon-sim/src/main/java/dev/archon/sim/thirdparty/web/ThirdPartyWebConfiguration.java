package dev.archon.sim.thirdparty.web;

import dev.archon.sim.thirdparty.ReceivedRequests;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ThirdPartyWebConfiguration {

	@Bean
	FilterRegistrationBean<ThirdPartyRecordingFilter> thirdPartyRecordingFilter(ReceivedRequests received) {
		FilterRegistrationBean<ThirdPartyRecordingFilter> registration = new FilterRegistrationBean<>(
				new ThirdPartyRecordingFilter(received));
		registration.addUrlPatterns(ThirdPartyRecordingFilter.PREFIX + "*");
		return registration;
	}

}
