package com.example.shop;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's packages as Spring Modulith sees them: each package under this one is a module. The
 * core is what every store of its variant has; every other package is a feature, chosen at
 * generation (-Dfeatures) or added by you, which plugs into the core through the core's interfaces
 * (such as receipt/ReceiptAddition and catalog/ItemPageAddition). The core never uses a
 * feature, so that a feature can be left out, or removed, without touching the rest.
 */
class ModulesTests {

	/** Where the store's own classes are (target/classes), as opposed to its tests and libraries. */
	static final String STORE_CLASSES = StoreApplication.class.getProtectionDomain().getCodeSource().getLocation().toString();

	// Not Modulith's default, ArchUnit's DoNotIncludeTests: that leaves out every class under a folder
	// named test-classes, and so the whole store when it is built inside one.
	static final ApplicationModules modules = ApplicationModules.of(StoreApplication.class,
			location -> location.asURI().toString().startsWith(STORE_CLASSES));

	static final Set<String> CORE = Set.of("catalog", "checkout", "download", "errors", "fulfilment", "ratelimit",
			"receipt", "sharedstate", "site", "stripe", "web", "webhook");

	@Test
	void noModuleUsesAnotherModulesInternalsAndNoneDependsOnItself() {
		modules.verify();
	}

	@Test
	void theCoreUsesNoFeature() {
		for (ApplicationModule module : modules) {
			if (!CORE.contains(name(module))) {
				continue;
			}
			assertThat(module.getDirectDependencies(modules).stream()
				.filter(dependency -> !CORE.contains(name(dependency.getTargetModule())))
				.map(dependency -> dependency.getSourceType().getName() + " uses " + dependency.getTargetType().getName()))
				.as("the core's module %s using a feature", name(module))
				.isEmpty();
		}
	}

	private static String name(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

}
