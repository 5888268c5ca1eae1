package dev.itemshop.archetype;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated stores against Stripe's own published types, in the archetype's build rather than
 * in every seller's: the Stripe fixtures the stores' tests answer with, against stripe-node 22.4.0's
 * types (the OpenAPI release of stripe-java 33.3.0's API version), and the store's checkout.js and
 * the browser tests' stand-in for Stripe.js against {@code @stripe/stripe-js} 9.17.0's (the release
 * that loads the store's Stripe.js, js.stripe.com/dahlia). The versions are pinned in src/test/contract/package.json; the checks are
 * the scripts beside it, and need Node.js and npm (Debian: {@code apt-get install nodejs npm}), so
 * they are skipped with the stores' integration tests ({@code -Darchetype.test.skip}, as README
 * step 1 builds the archetype to generate a store).
 */
@DisabledIfSystemProperty(named = "archetype.test.skip", matches = "true")
class StripeContractTests {

	private static final Path CONTRACT = Path.of("src/test/contract");

	/** Where the pinned packages are installed, once per build. */
	private static final Path WORK = Path.of("target/contract");

	private static final Path STORE = Path.of("src/main/resources/archetype-resources");

	@BeforeAll
	static void installStripesTypes() throws Exception {
		Files.createDirectories(WORK);
		boolean changed = false;
		for (String file : List.of("package.json", "package-lock.json")) {
			Path installed = WORK.resolve(file);
			if (!Files.exists(installed) || Files.mismatch(CONTRACT.resolve(file), installed) != -1) {
				Files.copy(CONTRACT.resolve(file), installed, StandardCopyOption.REPLACE_EXISTING);
				changed = true;
			}
		}
		if (changed || !Files.isDirectory(WORK.resolve("node_modules"))) {
			assertThat(run(WORK, "npm", "ci", "--no-audit", "--no-fund")).as("npm ci of src/test/contract").isEqualTo("ok");
		}
	}

	@Test
	void theStoresStripeFixturesHaveStripesShapes() throws Exception {
		assertThat(run(Path.of("."), "node", CONTRACT.resolve("check-fixtures.mjs").toString(),
				STORE.resolve("src/test/resources/stripe").toString(), WORK.toString()))
			.isEqualTo("ok");
	}

	@Test
	void theStoresCheckoutScriptAndTheTestsStandInUseStripeJsAsItsTypesSay() throws Exception {
		assertThat(run(Path.of("."), "node", CONTRACT.resolve("check-stripe-js.mjs").toString(), WORK.toString()))
			.isEqualTo("ok");
	}

	/** Runs a command: "ok", or what it printed when it failed (TypeScript's file:line and message). */
	private static String run(Path directory, String... command) throws Exception {
		List<String> line = new ArrayList<>(List.of(command));
		Path output = Files.createTempFile("stripe-contract", ".log");
		Process process;
		try {
			process = new ProcessBuilder(line).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
		}
		catch (IOException ex) {
			return "cannot run " + command[0] + " (" + ex.getMessage()
					+ "): the contract checks need Node.js and npm (Debian: apt-get install nodejs npm)";
		}
		boolean done = process.waitFor(5, TimeUnit.MINUTES);
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		System.out.print(printed);
		Files.delete(output);
		return done && process.exitValue() == 0 ? "ok" : String.join(" ", line) + " failed:\n" + printed;
	}

}
