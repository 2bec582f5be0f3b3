package dev.archon.sim;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every simulator.
 *
 * @param token the bearer token that Home Assistant clients and the {@code /_sim} control
 * endpoints must present; when blank, one is generated once and kept in {@code tokenFile}
 * @param tokenFile where a generated token is kept, so that it survives restarts
 */
@ConfigurationProperties("archon.sim")
public record SimProperties(@Nullable String token, @DefaultValue(".archon/ha-token") Path tokenFile) {

}
