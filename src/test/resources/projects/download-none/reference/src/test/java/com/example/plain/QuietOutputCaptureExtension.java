package com.example.plain;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Spring Boot's {@link OutputCaptureExtension} without the console: what a test class expects the
 * store to print (a start that must fail, with Spring Boot's "APPLICATION FAILED TO START" report,
 * or a warning it must give) goes to the test's {@link CapturedOutput} only. Boot's own extension
 * also passes it on to the console, where a green build would then show alarming reports and
 * warnings that are no news. When a test fails, what it captured is printed after all, so nothing
 * is lost.
 *
 * <p>Use it as Boot's: {@code @ExtendWith(QuietOutputCaptureExtension.class)} on the class, and a
 * {@code CapturedOutput output} parameter where the test reads the output. It captures from the
 * class's start (where a {@code @SpringBootTest} context starts and logs) to its end.
 */
public class QuietOutputCaptureExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(QuietOutputCaptureExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		start(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		start(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		stop(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == CapturedOutput.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		List<Capture> captures = captures(context);
		return new CapturedOutput() {

			@Override
			public String getAll() {
				return join(captures, capture -> capture.all);
			}

			@Override
			public String getOut() {
				return join(captures, capture -> capture.out);
			}

			@Override
			public String getErr() {
				return join(captures, capture -> capture.err);
			}

			@Override
			public String toString() {
				return getAll();
			}

		};
	}

	private static void start(ExtensionContext context) {
		context.getStore(NAMESPACE).put(context.getUniqueId(), new Capture());
	}

	private static void stop(ExtensionContext context) {
		Capture capture = context.getStore(NAMESPACE).remove(context.getUniqueId(), Capture.class);
		if (capture == null) {
			return;
		}
		List<Capture> all = captures(context);
		all.add(capture);
		capture.release();
		Optional<Throwable> failure = context.getExecutionException();
		if (failure.isPresent() && !(failure.get() instanceof org.opentest4j.TestAbortedException)) {
			capture.console.println("---- " + context.getDisplayName() + " failed; what it printed:");
			capture.console.print(join(all, c -> c.all));
			capture.console.println("---- end of what " + context.getDisplayName() + " printed");
		}
	}

	/** The captures of this context and its enclosing ones, outermost first. */
	private static List<Capture> captures(ExtensionContext context) {
		List<Capture> captures = new ArrayList<>();
		for (Optional<ExtensionContext> at = Optional.of(context); at.isPresent(); at = at.get().getParent()) {
			Capture capture = at.get().getStore(NAMESPACE).get(at.get().getUniqueId(), Capture.class);
			if (capture != null) {
				captures.add(0, capture);
			}
		}
		return captures;
	}

	private static String join(List<Capture> captures, Function<Capture, ByteArrayOutputStream> part) {
		StringBuilder text = new StringBuilder();
		captures.forEach(capture -> text.append(part.apply(capture).toString(StandardCharsets.UTF_8)));
		return text.toString();
	}

	/** System.out and System.err replaced, until released, by streams that keep what is written. */
	private static final class Capture {

		final ByteArrayOutputStream out = new ByteArrayOutputStream();

		final ByteArrayOutputStream err = new ByteArrayOutputStream();

		final ByteArrayOutputStream all = new ByteArrayOutputStream();

		final PrintStream console;

		private final PrintStream previousOut = System.out;

		private final PrintStream previousErr = System.err;

		Capture() {
			this.console = (this.previousOut instanceof CapturingStream capturing) ? capturing.console : this.previousOut;
			System.setOut(new CapturingStream(this.out, this.all, this.console));
			System.setErr(new CapturingStream(this.err, this.all, this.console));
		}

		void release() {
			System.setOut(this.previousOut);
			System.setErr(this.previousErr);
		}

	}

	private static final class CapturingStream extends PrintStream {

		final PrintStream console;

		CapturingStream(ByteArrayOutputStream own, ByteArrayOutputStream all, PrintStream console) {
			super(new OutputStream() {

				@Override
				public void write(int b) {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) {
					synchronized (all) {
						own.write(bytes, offset, length);
						all.write(bytes, offset, length);
					}
				}

			}, true, StandardCharsets.UTF_8);
			this.console = console;
		}

	}

}
