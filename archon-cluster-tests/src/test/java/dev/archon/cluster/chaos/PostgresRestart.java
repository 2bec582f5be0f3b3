package dev.archon.cluster.chaos;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Scenario 4: PostgreSQL stopped, then started. Requests that need it answer 503
 * problem+json with {@code Retry-After} meanwhile, never a stack trace or a hang; Hikari
 * reconnects without a service restart.
 */
final class PostgresRestart implements Fault {

	/** One read per service that cannot be answered without the database. */
	private static final List<String> READS = List.of("/api/v1/agents?limit=1", "/api/v1/vector/sources");

	@Override
	public String name() {
		return "postgres-restart";
	}

	@Override
	public void inject(Cluster cluster) throws Exception {
		cluster.stopPostgres();
	}

	@Override
	public void whileBroken(Cluster cluster, Api api, Duration outage, List<String> violations) throws Exception {
		Instant end = Instant.now().plus(outage);
		int refused = 0;
		while (Instant.now().isBefore(end)) {
			for (String path : READS) {
				try {
					HttpResponse<String> response = api.sendOnce(api.get(path));
					if (response.statusCode() == 503) {
						refused++;
						Refusals.check(response, violations);
					}
					else if (response.statusCode() != 200) {
						violations.add("GET " + path + " answered " + response.statusCode()
								+ " while PostgreSQL was down: " + response.body());
					}
				}
				catch (IOException ex) {
					violations.add("GET " + path + " got no answer while PostgreSQL was down: " + ex);
				}
			}
			Thread.sleep(250);
		}
		if (refused == 0) {
			violations.add("no read was refused with 503 while PostgreSQL was down: the probes missed the outage");
		}
	}

	@Override
	public void heal(Cluster cluster) throws Exception {
		cluster.startPostgres();
	}

	@Override
	public boolean failsRequestsByDesign() {
		return true;
	}

}
