package dev.archon.api.security;

import java.util.List;

import jakarta.servlet.DispatcherType;

import dev.archon.api.ArchonApiProperties;
import dev.archon.api.config.ArchonApiAutoConfiguration;
import dev.archon.api.problem.ProblemWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Authenticates every request by default and opens only an explicit list: health and info
 * on the management port, and the OpenAPI documents. Spring Security decides on the same
 * normalised path that Spring MVC routes on, and its {@code StrictHttpFirewall} refuses
 * encoded slashes, {@code ;} parameters, {@code ..} and other non-canonical spellings
 * before anything routes them, so no spelling of a path can reach a controller that its
 * canonical form would not. Stateless: no session, no cookie, no CSRF token, since every
 * call carries its key.
 */
@AutoConfiguration(after = ArchonApiAutoConfiguration.class,
		before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class ApiKeySecurityAutoConfiguration {

	private static final String[] OPEN_API_DOCUMENTS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
			"/swagger-ui/**" };

	@Bean
	ApiKeys apiKeys(ArchonApiProperties properties) {
		return ApiKeys.of(properties.keys());
	}

	@Bean
	ApiKeyAuthenticationManager apiKeyAuthenticationManager(ApiKeys apiKeys) {
		return new ApiKeyAuthenticationManager(apiKeys);
	}

	@Bean
	SecurityFilterChain apiKeySecurityFilterChain(HttpSecurity http, ApiKeyAuthenticationManager authenticationManager,
			ProblemWriter problemWriter, ObjectProvider<RouteEntryPoint> routeEntryPoints) {
		AuthenticationEntryPoint entryPoint = entryPoint(new ProblemAuthenticationEntryPoint(problemWriter),
				routeEntryPoints.orderedStream().toList());
		RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();
		AuthenticationFilter apiKeyFilter = new AuthenticationFilter(authenticationManager,
				new ApiKeyAuthenticationConverter());
		apiKeyFilter.setSecurityContextRepository(contexts);
		apiKeyFilter.setSuccessHandler((request, response, authentication) -> {
		});
		apiKeyFilter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext((context) -> context.securityContextRepository(contexts))
			.addFilterBefore(apiKeyFilter, AnonymousAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.authorizeHttpRequests((requests) -> requests
				// An error page shows what its request earned, and reveals nothing more.
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(EndpointRequest.to("health", "info"))
				.permitAll()
				.requestMatchers(OPEN_API_DOCUMENTS)
				.permitAll()
				.anyRequest()
				.authenticated())
			.build();
	}

	private static AuthenticationEntryPoint entryPoint(AuthenticationEntryPoint problems,
			List<RouteEntryPoint> routes) {
		if (routes.isEmpty()) {
			return problems;
		}
		DelegatingAuthenticationEntryPoint.Builder entryPoints = DelegatingAuthenticationEntryPoint.builder()
			.defaultEntryPoint(problems);
		for (RouteEntryPoint route : routes) {
			entryPoints.addEntryPointFor(route.entryPoint(),
					PathPatternRequestMatcher.withDefaults().matcher(route.pathPattern()));
		}
		return entryPoints.build();
	}

	@Bean
	WebSecurityCustomizer problemForRejectedRequests(ProblemWriter problemWriter) {
		return (web) -> web.requestRejectedHandler(new ProblemRequestRejectedHandler(problemWriter));
	}

}
