package dev.archon.agentgen;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service's shape: features never depend on the web layer, and features have no
 * cycles.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.archon.agentgen");

	@Test
	void featuresDoNotDependOnTheWebLayer() {
		noClasses().that()
			.resideOutsideOfPackage("dev.archon.agentgen..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.archon.agentgen..web..")
			.check(this.classes);
	}

	@Test
	void featuresHaveNoCycles() {
		slices().matching("dev.archon.agentgen.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void theProviderPoolKnowsNothingOfJobsOrThePipeline() {
		noClasses().that()
			.resideInAPackage("dev.archon.agentgen.llm..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.archon.agentgen.job..", "dev.archon.agentgen.pipeline..",
					"dev.archon.agentgen.resources..")
			.check(this.classes);
	}

}
