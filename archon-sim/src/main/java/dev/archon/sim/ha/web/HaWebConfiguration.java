package dev.archon.sim.ha.web;

import dev.archon.sim.SimToken;
import dev.archon.sim.ha.Faults;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HaWebConfiguration {

	@Bean
	FilterRegistrationBean<HaApiFilter> haApiFilter(SimToken token, Faults faults) {
		FilterRegistrationBean<HaApiFilter> registration = new FilterRegistrationBean<>(new HaApiFilter(token, faults));
		registration.addUrlPatterns("/api", "/api/*");
		return registration;
	}

}
