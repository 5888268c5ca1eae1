package com.example.downloads;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's packages as Spring Modulith sees them: each package under this one is a module. A
 * feature chosen at generation is a module of its own that plugs into the core through the core's
 * interfaces (such as receipt/ReceiptAddition and mail/PurchaseMailContributor); the core never
 * uses a feature, so that a feature can be left out, or removed, without touching the rest.
 */
class ModulesTests {

	static final ApplicationModules modules = ApplicationModules.of(StoreApplication.class);

	/** This store's features (-Dfeatures at generation). Add a package of your own here if it is one. */
	static final Set<String> FEATURES = Set.of();

	@Test
	void noModuleUsesAnotherModulesInternalsAndNoneDependsOnItself() {
		modules.verify();
	}

	@Test
	void theCoreUsesNoFeature() {
		for (ApplicationModule module : modules) {
			if (FEATURES.contains(module.getIdentifier().toString())) {
				continue;
			}
			assertThat(module.getDirectDependencies(modules).stream()
				.filter(dependency -> FEATURES.contains(dependency.getTargetModule().getIdentifier().toString()))
				.map(dependency -> dependency.getSourceType().getName() + " uses " + dependency.getTargetType().getName()))
				.as("the core's module %s using a feature", module.getIdentifier())
				.isEmpty();
		}
	}

}
