package com.example.hostile.downloads.orders;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real PostgreSQL (Debian's {@code postgresql} package: its {@code initdb} and {@code postgres},
 * not the machine's own cluster) in a temporary directory, on a free loopback port, with one user,
 * {@code store}, trusted without a password. A test that needs it is skipped where PostgreSQL is not
 * installed; CI installs it. PostgreSQL refuses to run as root, so where the tests do (CI), it runs
 * as the {@code postgres} user that the package creates.
 */
final class PostgreSqlServer {

	static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

	private static final Duration START_TIME = Duration.ofSeconds(20);

	private final Path bin;

	private final int port;

	private Path directory;

	private Process process;

	private int databases;

	PostgreSqlServer() {
		Optional<Path> newest = newestBin();
		assumeTrue(newest.isPresent(), "PostgreSQL test skipped: no " + DEBIAN_VERSIONS
				+ "/<version>/bin/postgres (Debian: apt-get install postgresql)");
		this.bin = newest.get();
		this.port = freePort();
	}

	String url() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	/** A new, empty database on the server: its JDBC URL. */
	String newDatabase() throws SQLException {
		String name = "orders_" + (++this.databases);
		try (var connection = DriverManager.getConnection(url(), username(), "");
				var statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		return url().replace("/postgres", "/" + name);
	}

	String username() {
		return "store";
	}

	/** Makes a new database cluster and starts PostgreSQL on it; returns once it takes connections. */
	void start() throws IOException, InterruptedException {
		this.directory = Files.createTempDirectory("postgres");
		File log = new File("target/postgres-" + this.port + ".log").getAbsoluteFile();
		if (root()) {
			UserPrincipalLookupService users = this.directory.getFileSystem().getUserPrincipalLookupService();
			Files.setOwner(this.directory, users.lookupPrincipalByName("postgres"));
		}
		Path data = this.directory.resolve("data");
		Process initdb = new ProcessBuilder(command("initdb", "--pgdata=" + data, "--username=store", "--auth=trust",
				"--encoding=UTF8", "--no-locale", "--no-sync"))
			.directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		if (initdb.waitFor() != 0) {
			throw new IllegalStateException("initdb failed: see " + log);
		}
		// Only on 127.0.0.1, its socket file in its own directory, and no waiting for the disk: a test's.
		this.process = new ProcessBuilder(command("postgres", "-D", data.toString(), "-p", Integer.toString(this.port),
				"-h", "127.0.0.1", "-k", this.directory.toString(), "-F"))
			.directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
			.start();
		long deadline = System.nanoTime() + START_TIME.toNanos();
		while (!answers()) {
			if (!this.process.isAlive() || System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("PostgreSQL did not start: see " + log);
			}
			Thread.sleep(50);
		}
	}

	/** Stops PostgreSQL at once (its fast shutdown, which ends open sessions) and deletes its files. */
	void stop() throws IOException, InterruptedException {
		if (this.process != null) {
			new ProcessBuilder(command("pg_ctl", "stop", "--pgdata=" + this.directory.resolve("data"), "--mode=fast",
					"--no-wait"))
				.directory(this.directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
			this.process = null;
		}
		if (this.directory != null) {
			try (Stream<Path> files = Files.walk(this.directory)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
			this.directory = null;
		}
	}

	/** The program's command line, as the postgres user where the tests run as root (run in the
	 *  temporary directory, which that user may enter, unlike a build directory under /root, say). */
	private List<String> command(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (root()) {
			// setpriv (util-linux) becomes postgres and then is the program itself: stopping it stops PostgreSQL.
			command.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
		}
		command.add(this.bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		return command;
	}

	private boolean answers() {
		try (var connection = DriverManager.getConnection(url(), username(), "")) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static boolean root() {
		return "root".equals(System.getProperty("user.name"));
	}

	/** /usr/lib/postgresql/<version>/bin of the newest version installed, if any. */
	private static Optional<Path> newestBin() {
		if (!Files.isDirectory(DEBIAN_VERSIONS)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
			// Debian names each major version's folder by its number: 15, 16, 17.
			return versions.filter(version -> version.getFileName().toString().matches("[0-9]+"))
				.max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
				.map(version -> version.resolve("bin"))
				.filter(bin -> Files.isExecutable(bin.resolve("postgres")) && Files.isExecutable(bin.resolve("initdb")));
		}
		catch (IOException ex) {
			return Optional.empty();
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
