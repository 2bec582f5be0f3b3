package dev.archon.api.security;

import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How a service answers a request without a valid API key on some of its routes, where
 * the clients expect another body than a problem document: the OpenAI-compatible
 * gateway's clients parse OpenAI's error body. A service declares one as a bean; every
 * other route keeps the problem.
 *
 * @param pathPattern the routes, as a path pattern such as {@code /v1/**}
 * @param entryPoint what answers them
 */
public record RouteEntryPoint(String pathPattern, AuthenticationEntryPoint entryPoint) {

}
