package com.example.shop.mail;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server for the store's e-mail, in-process (GreenMail), on a port of its own that
 * stays the same while the server is stopped and started again, so the store's mail settings
 * keep pointing at it. It can also refuse ({@code stop()}) or hang ({@code hang()}) as a broken mail
 * server does. {@link MailServerForStoreTests} starts one per StoreTest context, at {@code spring.mail.host} and {@code port}.
 */
public final class MailServer {

	public static final String HOST = "127.0.0.1";

	private final int port = freePort();

	private GreenMail greenMail;

	private ServerSocket hanging;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	public MailServer() {
		start();
	}

	public int port() {
		return port;
	}

	/** Starts (again) with no mail received: after {@code stop()} or {@code hang()}. */
	public synchronized void start() {
		if (hanging != null) {
			close(hanging);
			held.forEach(MailServer::reset);
			held.clear();
			hanging = null;
		}
		ServerSetup smtp = new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP);
		// A busy build machine can take more than GreenMail's default 2 s to start a server.
		smtp.setServerStartupTimeout(10_000);
		// The port of a server just stopped (or hung) can stay taken for a moment: try again for a few seconds.
		for (int attempt = 1; greenMail == null; attempt++) {
			GreenMail server = new GreenMail(smtp);
			try {
				server.start();
				greenMail = server;
			}
			catch (RuntimeException portStillTaken) {
				server.stop();
				if (attempt == 50) {
					throw portStillTaken;
				}
				pause(Duration.ofMillis(100));
			}
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops: the port refuses connections, as a mail server that is down does. */
	public synchronized void stop() {
		if (greenMail != null) {
			greenMail.stop();
			greenMail = null;
		}
	}

	/** Stops, then accepts connections on the port and never answers, as a hung mail server does. */
	public synchronized void hang() {
		stop();
		try {
			hanging = new ServerSocket();
			hanging.setReuseAddress(true);
			hanging.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ServerSocket socket = hanging;
		Thread acceptor = new Thread(() -> {
			while (!socket.isClosed()) {
				try {
					held.add(socket.accept());
				}
				catch (IOException closed) {
					return;
				}
			}
		}, "hung-mail-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** How many connections the hung server has accepted (and not answered). */
	public int heldConnections() {
		return held.size();
	}

	/** Every message received so far, oldest first. */
	public synchronized List<MimeMessage> messages() {
		return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
	}

	/** The messages received so far for an address. */
	public List<MimeMessage> messagesTo(String address) {
		return messages().stream().filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(to -> to.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** Waits up to {@code timeout} for at least one message to an address, and answers all of them. */
	public List<MimeMessage> awaitMessagesTo(String address, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<MimeMessage> messages = messagesTo(address);
		while (messages.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
			messages = messagesTo(address);
		}
		return messages;
	}

	/** The text of a message's part of this type ("text/plain", "text/html"), or null. */
	public static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Closes a connection the hung server accepted with a reset, not the usual goodbye: a goodbye
	 * would leave the port in TIME_WAIT for a minute, and GreenMail could not listen on it again.
	 */
	private static void reset(Socket connection) {
		try {
			connection.setSoLinger(true, 0);
		}
		catch (IOException ignored) {
			// Already closed by the other side: nothing is left on the port.
		}
		close(connection);
	}

	private static void close(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ignored) {
			// Closing is all that is wanted.
		}
	}

}
