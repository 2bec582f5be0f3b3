package dev.archon.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The simulator's one secret. Taken from {@code HA_SIM_TOKEN} when set, otherwise
 * generated once into the token file, the way a long-lived access token is created once
 * in a real Home Assistant and then kept.
 */
@Component
public class SimToken {

	private final byte[] token;

	public SimToken(SimProperties properties) {
		this.token = resolve(properties).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Compares in constant time so that the token cannot be guessed byte by byte from
	 * response times.
	 * @param candidate the presented token, possibly {@code null}
	 * @return whether it is the simulator's token
	 */
	public boolean matches(@Nullable String candidate) {
		return candidate != null && MessageDigest.isEqual(this.token, candidate.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Checks an {@code Authorization} header of the form {@code Bearer <token>}.
	 * @param authorization the header value, possibly {@code null}
	 * @return whether it carries the simulator's token
	 */
	public boolean matchesBearer(@Nullable String authorization) {
		return authorization != null && authorization.startsWith("Bearer ")
				&& matches(authorization.substring("Bearer ".length()).trim());
	}

	private static String resolve(SimProperties properties) {
		if (StringUtils.hasText(properties.token())) {
			return properties.token().trim();
		}
		try {
			if (Files.exists(properties.tokenFile())) {
				return Files.readString(properties.tokenFile()).trim();
			}
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String generated = HexFormat.of().formatHex(random);
			if (properties.tokenFile().getParent() != null) {
				Files.createDirectories(properties.tokenFile().getParent());
			}
			Files.writeString(properties.tokenFile(), generated);
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the simulator token file " + properties.tokenFile(),
					ex);
		}
	}

}
