package dev.archon.ha;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.archon.ha");

	@Test
	void featuresNeverDependOnWebAdapters() {
		noClasses().that()
			.resideOutsideOfPackages("dev.archon.ha..web")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.archon.ha..web")
			.check(this.classes);
	}

	@Test
	void featureWebAdaptersNeverCallUpIntoTheBridgesWebLayer() {
		// The bridge's web layer holds the advice over every feature's adapter; what an
		// adapter shares with it, such as the problem of a failure, lives below both.
		noClasses().that()
			.resideInAPackage("dev.archon.ha.*.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.archon.ha.web..")
			.check(this.classes);
	}

	@Test
	void featuresHaveNoCycles() {
		// The web adapters sit on top of every feature, so only the features themselves
		// are sliced.
		slices().matching("dev.archon.ha.(*)..")
			.should()
			.beFreeOfCycles()
			.check(this.classes.that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("..web"))));
	}

}
