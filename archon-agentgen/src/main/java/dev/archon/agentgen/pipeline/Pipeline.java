package dev.archon.agentgen.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import dev.archon.agentgen.compose.AgentTool;
import dev.archon.agentgen.compose.Plan;
import dev.archon.agentgen.compose.PlanLine;
import dev.archon.agentgen.compose.Planner;
import dev.archon.agentgen.compose.ToolChoice;
import dev.archon.agentgen.llm.CallRejected;
import dev.archon.agentgen.llm.FileBlocks;
import dev.archon.agentgen.llm.LlmAnswer;
import dev.archon.agentgen.llm.LlmCall;
import dev.archon.agentgen.llm.LlmCall.TemplateInput;
import dev.archon.agentgen.llm.ModelRole;
import dev.archon.agentgen.llm.ProviderPool;
import dev.archon.agentgen.llm.StreamInterrupted;
import dev.archon.agentgen.llm.Toolbox;
import dev.archon.agentgen.pipeline.CoderAnswer.MalformedAnswer;
import dev.archon.agentgen.pipeline.PipelineRun.StepOutcome;
import dev.archon.agentgen.resources.AgentResources;
import dev.archon.agentgen.resources.LibraryEntry;
import dev.archon.api.wire.agents.FailedOver;
import dev.archon.api.wire.agents.RetrievalFailed;
import dev.archon.api.wire.agents.StepRestarted;
import org.jspecify.annotations.Nullable;

/**
 * The generation pipeline: scope, advisor and retrieval in parallel, coder, refinement
 * rounds (three refiners in parallel, then the coder), validation. Each step's outcome is
 * stored through the {@link PipelineRun}, so that a job resumed by another worker skips
 * the steps already done.
 */
public class Pipeline {

	private static final String GROUNDED = "grounded";

	private static final String UNGROUNDED = "ungrounded";

	private final ProviderPool pool;

	private final Prompts prompts;

	private final AgentResources resources;

	private final Retrieval retrieval;

	private final ToolChoice toolChoice;

	private final Validator validator;

	private final int stepRestarts;

	private final ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor();

	Pipeline(ProviderPool pool, Prompts prompts, AgentResources resources, Retrieval retrieval, Validator validator,
			int stepRestarts) {
		this.pool = pool;
		this.prompts = prompts;
		this.resources = resources;
		this.retrieval = retrieval;
		this.toolChoice = new ToolChoice(resources.entries(), retrieval);
		this.validator = validator;
		this.stepRestarts = stepRestarts;
	}

	/**
	 * Runs, or resumes, a generation.
	 * @param request what to generate
	 * @param run the job it runs for
	 * @return the generated version
	 * @throws StepFailed when a step fails for good
	 * @throws Abandoned when the job was cancelled or lost
	 */
	public GenerationResult run(GenerationRequest request, PipelineRun run) {
		String feedback = userFeedback(request);
		String wanted = (feedback != null) ? request.description() + "\n" + feedback : request.description();
		List<ToolChoice.Chosen> tools = this.toolChoice
			.choose(Planner.current(request.description(), feedback, request.previousFiles()), wanted);
		Context context = new Context(request, run, this.resources.select(request.description()), tools);
		if (request.version() == 1) {
			return first(context);
		}
		return next(context);
	}

	private GenerationResult first(Context context) {
		int version = 1;
		// Retrieval needs only the description: it runs beside the scope and the advisor
		// rather than after them. Their template is taken before it can see documents.
		TemplateInput early = template(context, null, Map.of());
		CompletableFuture<StepOutcome> scope = async(() -> llmStep(context, version, Steps.SCOPE, Steps.SCOPE,
				ModelRole.REASONER, context.request.description(), early));
		CompletableFuture<StepOutcome> advisor = async(() -> llmStep(context, version, Steps.ADVISOR, Steps.ADVISOR,
				ModelRole.PRIMARY, adviceRequest(context), early));
		CompletableFuture<Void> documents = async(() -> {
			retrieve(context, version);
			return null;
		});
		context.scope = join(scope).output();
		context.advice = join(advisor).output();
		join(documents);
		Map<String, String> files = coder(context, version, Steps.CODER, null, Map.of());
		for (int round = 1; round <= context.request.refinements(); round++) {
			files = refine(context, version, Steps.round(round), files);
		}
		return validate(context, version, files);
	}

	private GenerationResult next(Context context) {
		int version = context.request.version();
		StepOutcome scope = context.run.finished(1, Steps.SCOPE);
		context.scope = (scope != null) ? scope.output() : context.request.description();
		StepOutcome advice = context.run.finished(1, Steps.ADVISOR);
		context.advice = (advice != null) ? advice.output() : context.selection.describe();
		StepOutcome documents = context.run.finished(1, Steps.RETRIEVAL);
		if (documents != null) {
			context.documents = Retrieval.Documents.read(documents.output());
		}
		else {
			retrieve(context, version);
		}
		String feedback = (context.request.feedback() != null) ? context.request.feedback().strip() : "";
		Map<String, String> files;
		if (feedback.toLowerCase(Locale.ROOT).equals("refine")) {
			files = refine(context, version, Steps.REFINE, context.request.previousFiles());
		}
		else {
			files = coder(context, version, Steps.CODER, "The user's feedback on the previous version:\n" + feedback,
					context.request.previousFiles());
		}
		return validate(context, version, files);
	}

	private void retrieve(Context context, int version) {
		StepOutcome outcome = step(context, version, Steps.RETRIEVAL, () -> {
			Retrieval.Documents documents = this.retrieval.retrieve(context.request.description(),
					context.request.sources());
			if (!documents.grounded()) {
				context.run.event(new RetrievalFailed(documents.reachable()
						? "archon-vector found no page for this description: the agent is generated without documentation"
						: "archon-vector is unavailable: the agent is generated without documentation"));
			}
			return StepOutcome.local(documents.write(), documents.grounded() ? GROUNDED : UNGROUNDED);
		});
		context.documents = Retrieval.Documents.read(outcome.output());
	}

	private Map<String, String> refine(Context context, int version, String prefix, Map<String, String> files) {
		String current = FileBlocks.render(files);
		List<CompletableFuture<StepOutcome>> refiners = new ArrayList<>();
		for (String refiner : Steps.REFINERS) {
			refiners.add(async(() -> llmStep(context, version, Steps.refiner(prefix, refiner), refiner,
					ModelRole.PRIMARY, refineRequest(context, current), template(context, null, files))));
		}
		StringBuilder feedback = new StringBuilder("The refiners suggest:\n");
		for (CompletableFuture<StepOutcome> refiner : refiners) {
			feedback.append(join(refiner).output()).append("\n\n");
		}
		String coderStep = prefix.equals(Steps.REFINE) ? Steps.CODER : prefix + Steps.CODER;
		return coder(context, version, coderStep, feedback.toString(), files);
	}

	private Map<String, String> coder(Context context, int version, String name, @Nullable String feedback,
			Map<String, String> previous) {
		StepOutcome outcome = step(context, version, name, () -> {
			String user = coderRequest(context, feedback, previous);
			TemplateInput template = template(context, feedback, previous);
			DocumentationTools tools = new DocumentationTools(this.retrieval, context.request.sources());
			LlmAnswer answer = call(context, Steps.CODER, ModelRole.PRIMARY, user, template, tools);
			long inputTokens = answer.inputTokens();
			long outputTokens = answer.outputTokens();
			java.math.BigDecimal cost = answer.cost();
			long llmMillis = answer.llmTime().toMillis();
			Map<String, String> files;
			try {
				files = CoderAnswer.files(answer.text());
			}
			catch (MalformedAnswer malformed) {
				// One more try, told what was wrong.
				LlmAnswer retry = call(context, Steps.CODER, ModelRole.PRIMARY,
						user + "\n\nYour previous answer could not be read: " + malformed.getMessage(), template,
						tools);
				files = CoderAnswer.files(retry.text());
				inputTokens += retry.inputTokens();
				outputTokens += retry.outputTokens();
				cost = cost.add(retry.cost());
				llmMillis += retry.llmTime().toMillis();
				answer = retry;
			}
			List<String> pagesRead = tools.pagesRead();
			return new StepOutcome(FileBlocks.render(files), answer.provider(), answer.model(), inputTokens,
					outputTokens, cost, llmMillis, answer.degraded(),
					pagesRead.isEmpty() ? null : "read " + String.join(" ", pagesRead));
		});
		return CoderAnswer.files(outcome.output());
	}

	/**
	 * Every version's files pass here, whichever backend wrote them, on their way to the
	 * user and to storage: so the invisible characters are escaped here, once, rather
	 * than in each backend. Escaping is repeatable, so a job resumed after its validation
	 * step hands out the same files as the run that validated them.
	 */
	private GenerationResult validate(Context context, int version, Map<String, String> files) {
		InvisibleCharacters.Escaped escaped = InvisibleCharacters.escape(files);
		List<InvisibleCharacters.Finding> findings = new ArrayList<>();
		findings.addAll(InvisibleCharacters.inUserText("description", context.request.description()));
		findings.addAll(InvisibleCharacters.inUserText("feedback", context.request.feedback()));
		findings.addAll(escaped.findings());
		StepOutcome outcome = step(context, version, Steps.VALIDATION, () -> {
			ValidationReport report = this.validator.validate(escaped.files(), findings);
			return StepOutcome.local(ValidationReports.write(report), report.passed() ? "passed" : "failed");
		});
		Plan plan = PlanLine.read(escaped.files());
		// A model is handed the pages and may follow them; the composer follows a page
		// only where its code quotes it.
		boolean grounded = context.degraded ? context.documents.citedIn(escaped.files()) : context.documents.grounded();
		// The composer writes in the tools it was handed; a model picks its own.
		List<AgentTool> tools = (plan != null) ? context.tools.stream().map(ToolChoice.Chosen::agentTool).toList()
				: List.of();
		return new GenerationResult(escaped.files(), ValidationReports.read(outcome.output()), context.degraded,
				grounded, context.documents.pages(), (plan != null) ? PlanLine.json(plan) : null, tools);
	}

	private StepOutcome llmStep(Context context, int version, String name, String step, ModelRole role, String user,
			TemplateInput template) {
		return step(context, version, name, () -> {
			LlmAnswer answer = call(context, step, role, user, template, null);
			return new StepOutcome(answer.text(), answer.provider(), answer.model(), answer.inputTokens(),
					answer.outputTokens(), answer.cost(), answer.llmTime().toMillis(), answer.degraded(), null);
		});
	}

	private LlmAnswer call(Context context, String step, ModelRole role, String user, TemplateInput template,
			@Nullable Toolbox tools) {
		String system = this.prompts.system(context.request.framework(), step);
		LlmCall call = new LlmCall(step, role, system, user, template, context.request.providerHint(), tools);
		return this.pool.chat(call, (failover) -> context.run
			.event(new FailedOver(step, failover.from(), failover.to(), failover.reason())));
	}

	private StepOutcome step(Context context, int version, String name, Supplier<StepOutcome> body) {
		StepOutcome done = context.run.finished(version, name);
		if (done != null) {
			context.noteDegraded(done);
			return done;
		}
		if (!context.run.started(version, name)) {
			throw new Abandoned();
		}
		for (int attempt = 0;; attempt++) {
			try {
				StepOutcome outcome = body.get();
				context.run.succeeded(version, name, outcome);
				context.noteDegraded(outcome);
				return outcome;
			}
			catch (StreamInterrupted ex) {
				if (attempt >= this.stepRestarts) {
					context.run.failed(version, name, ex.getMessage());
					throw new StepFailed(name, "the stream broke " + (attempt + 1) + " times: " + ex.getMessage(), ex);
				}
				context.run.event(new StepRestarted(name, version, ex.provider(),
						"the stream broke after producing tokens: " + ex.getMessage()));
			}
			catch (CallRejected ex) {
				context.run.failed(version, name, ex.getMessage());
				throw new StepFailed(name, "the provider " + ex.provider() + " refused the request: " + ex.getMessage(),
						ex);
			}
			catch (Abandoned ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				context.run.failed(version, name, String.valueOf(ex.getMessage()));
				throw new StepFailed(name, String.valueOf(ex.getMessage()), ex);
			}
		}
	}

	private <T> CompletableFuture<T> async(Supplier<T> task) {
		return CompletableFuture.supplyAsync(task, this.parallel);
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private String adviceRequest(Context context) {
		return "The agent to build:\n" + context.request.description() + "\n\nThe library:\n" + library();
	}

	private String library() {
		StringBuilder text = new StringBuilder();
		for (LibraryEntry entry : this.resources.entries()) {
			text.append("- ")
				.append(entry.kind())
				.append(" `")
				.append(entry.name())
				.append("`: ")
				.append(entry.description())
				.append('\n');
		}
		return text.toString();
	}

	private static String refineRequest(Context context, String currentFiles) {
		return "The agent to build:\n" + context.request.description() + "\n\n# Scope\n" + context.scope
				+ "\n\n# Documentation\n" + context.documents.text() + "\n\n# Current files\n" + currentFiles;
	}

	private static String coderRequest(Context context, @Nullable String feedback, Map<String, String> previous) {
		StringBuilder user = new StringBuilder();
		user.append("The agent to build:\n").append(context.request.description()).append("\n\n");
		user.append("# Scope\n").append(context.scope).append("\n\n");
		user.append("# Advisor\n").append(context.advice).append("\n\n");
		if (!context.selection.tools().isEmpty()) {
			user.append("# Library tools to reuse (tested implementations)\n");
			for (LibraryEntry tool : context.selection.tools()) {
				user.append("## ")
					.append(tool.name())
					.append('\n')
					.append("```python\n")
					.append(tool.code())
					.append("```\n");
			}
			user.append('\n');
		}
		if (context.selection.home()) {
			user.append("The agent is about the home: it reads and controls Home Assistant through archon-ha-bridge's "
					+ "REST API with the ha_get_states and ha_call_service tools above.\n\n");
		}
		user.append("# Documentation\n")
			.append(context.documents.grounded() ? context.documents.text()
					: "(none: archon-vector was unavailable or found nothing)")
			.append("\n\n");
		if (!previous.isEmpty()) {
			user.append("# Current files\n").append(FileBlocks.render(previous)).append('\n');
		}
		if (feedback != null) {
			user.append("# Changes to make\n").append(feedback).append('\n');
		}
		return user.toString();
	}

	private static TemplateInput template(Context context, @Nullable String feedback, Map<String, String> previous) {
		List<AgentTool> tools = context.tools.stream().map(ToolChoice.Chosen::agentTool).toList();
		return new TemplateInput(context.request.description(), context.scope, tools, context.documents.pages(),
				userFeedback(context.request), new LinkedHashMap<>(previous));
	}

	/**
	 * The user's own words on the previous version: {@code refine} asks for a round, not
	 * a change.
	 */
	private static @Nullable String userFeedback(GenerationRequest request) {
		String feedback = request.feedback();
		return (feedback != null && !feedback.strip().equalsIgnoreCase("refine")) ? feedback : null;
	}

	private static final class Context {

		private final GenerationRequest request;

		private final PipelineRun run;

		private final AgentResources.Selection selection;

		private final List<ToolChoice.Chosen> tools;

		private volatile @Nullable String scope;

		private volatile String advice = "";

		private volatile Retrieval.Documents documents = Retrieval.Documents.NONE;

		private volatile boolean degraded;

		Context(GenerationRequest request, PipelineRun run, AgentResources.Selection selection,
				List<ToolChoice.Chosen> tools) {
			this.request = request;
			this.run = run;
			this.selection = selection;
			this.tools = tools;
		}

		void noteDegraded(StepOutcome outcome) {
			if (outcome.degraded()) {
				this.degraded = true;
			}
		}

	}

}
