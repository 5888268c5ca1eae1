package com.example.plain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility checker, run inside the page a browser test has open. The build
 * downloads it from the npm registry into target/axe-core (the download-maven-plugin in pom.xml);
 * point {@code -Daxe.script} elsewhere to try another copy.
 */
final class Axe {

	static final Path SCRIPT = Path.of(System.getProperty("axe.script", "target/axe-core/package/axe.min.js"));

	/** WCAG 2.0 and 2.1 at levels A and AA, and axe's best practices (landmarks, headings, one h1...). */
	static final List<String> RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	/** Runs axe on the page as it is now and gives its violations, one line each. */
	@SuppressWarnings("unchecked")
	static List<String> violations(JavascriptExecutor page) {
		page.executeScript(script());
		return (List<String>) page.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
				  .then(results => done(results.violations.map(rule => rule.id + ' (' + rule.impact + '): '
				    + rule.help + ' at ' + rule.nodes.map(node => node.target.join(' ')).join(', '))))
				  .catch(error => done(['axe could not run: ' + error]));
				""", RULES);
	}

	private static String script() {
		try {
			return Files.readString(SCRIPT);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No axe-core at " + SCRIPT.toAbsolutePath()
					+ ": ./mvnw generate-test-resources downloads it (online once, then from the Maven cache)", ex);
		}
	}

	private Axe() {
	}

}
