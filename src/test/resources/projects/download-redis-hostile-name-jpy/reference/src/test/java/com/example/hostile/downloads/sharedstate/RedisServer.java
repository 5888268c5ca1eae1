package com.example.hostile.downloads.sharedstate;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real redis-server (Debian's {@code redis-server} package) on a free loopback port, with no
 * persistence: started by a test, stopped (and started again, on the same port) when it says.
 * A test that needs it is skipped where redis-server is not installed; CI installs it.
 */
final class RedisServer {

	static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

	// From redis-tools, which redis-server depends on.
	static final Path REDIS_CLI = Path.of("/usr/bin/redis-cli");

	private static final Duration START_TIME = Duration.ofSeconds(10);

	private final int port;

	private Process process;

	RedisServer() {
		assumeTrue(Files.isExecutable(REDIS_SERVER) && Files.isExecutable(REDIS_CLI),
				"Redis test skipped: no " + REDIS_SERVER + " or " + REDIS_CLI + " (Debian: apt-get install redis-server)");
		this.port = freePort();
	}

	int port() {
		return this.port;
	}

	/** Starts redis-server, unless it runs already. */
	void start() throws IOException, InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		this.process = new ProcessBuilder(REDIS_SERVER.toString(), "--port", Integer.toString(this.port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(new File("target/redis-server-" + this.port + ".log"))
			.start();
		long deadline = System.nanoTime() + START_TIME.toNanos();
		while (!answers()) {
			if (!this.process.isAlive() || System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("redis-server did not start: see target/redis-server-" + this.port + ".log");
			}
			Thread.sleep(20);
		}
	}

	void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
			this.process = null;
		}
	}

	/**
	 * Runs a command with redis-cli, on a connection of its own (so a test never waits for a
	 * client's reconnection), and returns its answer's lines.
	 */
	List<String> cli(String... command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of(REDIS_CLI.toString(), "-h", "127.0.0.1", "-p",
				Integer.toString(this.port)));
		line.addAll(List.of(command));
		Process cli = new ProcessBuilder(line).redirectErrorStream(true).start();
		String answer = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (cli.waitFor() != 0) {
			throw new IllegalStateException("redis-cli " + String.join(" ", command) + ": " + answer);
		}
		return answer.lines().filter(text -> !text.isBlank()).toList();
	}

	private boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port", ex);
		}
	}

}
