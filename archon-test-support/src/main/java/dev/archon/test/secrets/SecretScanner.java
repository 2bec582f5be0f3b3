package dev.archon.test.secrets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads files line by line and reports every line that holds one of the secrets whole. A
 * masked or shortened secret is not a leak and is not reported.
 */
final class SecretScanner {

	private final List<Secret> secrets;

	private final String responseMarker;

	/**
	 * A scanner for these secrets.
	 * @param secrets what to look for
	 * @param responseMarker how a line that begins a recorded response starts, to count
	 * the responses scanned
	 */
	SecretScanner(List<Secret> secrets, String responseMarker) {
		this.secrets = List.copyOf(secrets);
		this.responseMarker = responseMarker;
	}

	/**
	 * Scans files.
	 * @param files the files to read
	 * @return what was read and found
	 * @throws IOException if a file cannot be read
	 */
	Result scan(List<Path> files) throws IOException {
		List<Finding> findings = new ArrayList<>();
		long lines = 0;
		long responses = 0;
		for (Path file : files) {
			// ISO-8859-1 maps every byte to a character, so no log is unreadable, and the
			// secrets, all ASCII, are matched byte for byte.
			try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
				long number = 0;
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					number++;
					if (line.startsWith(this.responseMarker)) {
						responses++;
					}
					for (Secret secret : this.secrets) {
						if (line.contains(secret.value())) {
							findings.add(new Finding(file, number, secret));
						}
					}
				}
				lines += number;
			}
		}
		return new Result(files.size(), lines, responses, findings);
	}

	/**
	 * A secret found on a line.
	 *
	 * @param file the file
	 * @param line the line's number, from 1
	 * @param secret the secret it holds
	 */
	record Finding(Path file, long line, Secret secret) {

	}

	/**
	 * What a scan read and found.
	 *
	 * @param files how many files it read
	 * @param lines how many lines they had
	 * @param responses how many recorded responses were among them
	 * @param findings every secret it found
	 */
	record Result(int files, long lines, long responses, List<Finding> findings) {

	}

}
