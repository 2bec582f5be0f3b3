package dev.archon.agentgen.job.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.archon.agentgen.job.JobService;
import dev.archon.agentgen.job.JobStreams;
import dev.archon.agentgen.job.NewJob;
import dev.archon.agentgen.job.StoredEvent;
import dev.archon.agentgen.pipeline.Prompts;
import dev.archon.api.wire.agents.AgentAccepted;
import dev.archon.api.wire.agents.AgentJob;
import dev.archon.api.wire.agents.AgentList;
import dev.archon.api.wire.agents.AgentMessageRequest;
import dev.archon.api.wire.agents.GenerateAgentRequest;
import dev.archon.api.wire.agents.JobStatus;
import dev.archon.api.wire.agents.VersionQueued;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Agent generation: {@code /api/v1/agents}.
 */
@RestController
@RequestMapping("/api/v1/agents")
class AgentsController {

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private final JobService jobs;

	private final JobStreams streams;

	private final Prompts prompts;

	AgentsController(JobService jobs, JobStreams streams, Prompts prompts) {
		this.jobs = jobs;
		this.streams = streams;
		this.prompts = prompts;
	}

	@PostMapping
	ResponseEntity<AgentAccepted> generate(@Valid @RequestBody GenerateAgentRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		String framework = request.frameworkOrDefault();
		if (!this.prompts.frameworks().contains(framework)) {
			throw new UnknownFramework(framework, this.prompts.frameworks());
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw new InvalidParameter("Idempotency-Key", "must be 1 to 200 characters");
		}
		NewJob job = new NewJob(request.description(), framework, request.refinementsOrDefault(),
				request.sourcesOrAll(), request.providerHint(), request.useCache(), idempotencyKey);
		AgentAccepted accepted = this.jobs.submit(job);
		return ResponseEntity.accepted().location(URI.create("/api/v1/agents/" + accepted.id())).body(accepted);
	}

	@GetMapping("/{id}")
	AgentJob get(@PathVariable UUID id) {
		return this.jobs.get(id);
	}

	@GetMapping
	AgentList list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "20") int limit) {
		JobStatus wanted = (status != null) ? JobStatus.of(status)
			.orElseThrow(
					() -> new InvalidParameter("status", "must be queued, running, succeeded, failed or cancelled"))
				: null;
		if (limit < 1 || limit > 100) {
			throw new InvalidParameter("limit", "must be 1 to 100");
		}
		return new AgentList(this.jobs.list(wanted, limit));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> cancel(@PathVariable UUID id) {
		this.jobs.cancel(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/messages")
	ResponseEntity<VersionQueued> message(@PathVariable UUID id, @Valid @RequestBody AgentMessageRequest request) {
		VersionQueued queued = this.jobs.message(id, request.message());
		return ResponseEntity.accepted().location(URI.create("/api/v1/agents/" + id)).body(queued);
	}

	@GetMapping("/{id}/archive")
	ResponseEntity<byte[]> archive(@PathVariable UUID id) {
		JobService.Files files = this.jobs.files(id);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> file : files.files().entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("agent-" + id + "-v" + files.version() + ".zip")
						.build()
						.toString())
			.body(bytes.toByteArray());
	}

	@GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable UUID id,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		long last = 0;
		if (lastEventId != null && !lastEventId.isBlank()) {
			try {
				last = Long.parseLong(lastEventId.trim());
			}
			catch (NumberFormatException ex) {
				throw new InvalidParameter("Last-Event-ID", "must be an event id");
			}
		}
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		this.streams.open(id, last, new JobStreams.Sink() {

			@Override
			public boolean send(StoredEvent stored) {
				try {
					emitter.send(SseEmitter.event()
						.id(Long.toString(stored.id()))
						.name(stored.event().streamName())
						.data(stored.event(), MediaType.APPLICATION_JSON));
					return true;
				}
				catch (IOException | IllegalStateException ex) {
					return false;
				}
			}

			@Override
			public void complete() {
				emitter.complete();
			}

		});
		return emitter;
	}

}
