package com.example.plain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says on the console which tests were skipped, and why. A test that needs a program this machine
 * lacks (Chromium for the browser tests, redis-server for the shared-state ones) is skipped rather
 * than failed, with the reason; the build's summary alone would show only a count. Each skip is
 * printed as it happens, and all of them again, by reason, when the tests are done.
 *
 * <p>Registered with the JUnit Platform in
 * {@code src/test/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener}, so
 * it reports in every test run, from Maven or an IDE.
 */
public class SkippedTestsReport implements TestExecutionListener {

	private final Map<String, List<String>> skippedByReason = new TreeMap<>();

	private TestPlan plan;

	/** Skipped tests, counting each test of a class skipped as a whole. */
	private long tests;

	@Override
	public void testPlanExecutionStarted(TestPlan plan) {
		this.plan = plan;
	}

	/** Skipped before it ran: @Disabled, or a condition such as @EnabledIf. */
	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		skipped(test, reason);
	}

	/** Stopped by an assumption that does not hold here (assumeTrue): JUnit calls that aborted. */
	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
			String reason = result.getThrowable().map(Throwable::getMessage).orElse("an assumption did not hold");
			skipped(test, reason.replaceFirst("^Assumption failed: ", ""));
		}
	}

	@Override
	public void testPlanExecutionFinished(TestPlan plan) {
		if (this.tests > 0) {
			System.out.println("[SKIPPED] " + this.tests + " tests skipped in all:");
			this.skippedByReason.forEach((reason, names) -> System.out
				.println("[SKIPPED]   " + String.join(", ", names) + ": " + reason));
		}
	}

	private synchronized void skipped(TestIdentifier test, String reason) {
		String name = name(test);
		this.tests += (this.plan != null && test.isContainer())
				? this.plan.getDescendants(test).stream().filter(TestIdentifier::isTest).count() : 1;
		System.out.println("[SKIPPED] " + name + ": " + reason);
		this.skippedByReason.computeIfAbsent(reason, key -> new ArrayList<>()).add(name);
	}

	/** TwoInstancesTests.aClaimIsShared, or a whole class with the number of its tests. */
	private String name(TestIdentifier test) {
		if (test.getSource().orElse(null) instanceof MethodSource method) {
			return simpleName(method.getClassName()) + "." + method.getMethodName();
		}
		String name = (test.getSource().orElse(null) instanceof ClassSource type) ? simpleName(type.getClassName())
				: test.getDisplayName();
		long tests = (this.plan != null) ? this.plan.getDescendants(test).stream().filter(TestIdentifier::isTest).count() : 0;
		return name + " (" + tests + " tests)";
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

}
