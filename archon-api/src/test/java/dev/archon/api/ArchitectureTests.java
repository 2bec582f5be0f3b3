package dev.archon.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shared library's shape, which every service inherits: its packages form no cycle,
 * problems are written without knowing the web filters that use them, and the wire
 * records stand alone so that any client can take them.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.archon.api");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.archon.api.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void problemsKnowNothingOfTheLayersThatWriteThem() {
		noClasses().that()
			.resideInAPackage("dev.archon.api.problem..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.archon.api.web..", "dev.archon.api.security..", "dev.archon.api.client..",
					"dev.archon.api.config..")
			.check(this.classes);
	}

	@Test
	void wireRecordsDependOnNoOtherPartOfTheLibrary() {
		noClasses().that()
			.resideInAPackage("dev.archon.api.wire..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.archon.api.problem..", "dev.archon.api.web..", "dev.archon.api.security..",
					"dev.archon.api.client..", "dev.archon.api.config..", "dev.archon.api.trace..")
			.check(this.classes);
	}

}
