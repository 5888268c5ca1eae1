package com.example.plain.mail;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessagePreparator;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Sends e-mail on a thread of its own, so that a mail server that is down or slow never holds up a
 * purchase: a failed send is tried again after each of {@code store.mail.retry-delays}, then given
 * up with an ERROR naming the purchase (never the e-mail). The message is written again on each
 * try, so its links are fresh. What waits here lives in memory: a restart drops it (logged).
 *
 * <p>Spring Boot makes the {@link JavaMailSender} only when {@code spring.mail.host} is set; without
 * it this outbox sends nothing and says so once, at start-up. With it, the e-mails need a sender:
 * {@code store.mail.from}, or else the mail server's account ({@code spring.mail.username}), left to
 * the server to write in. With neither they would go out with no From, which mail servers refuse:
 * the store refuses to start instead, naming the setting.
 */
@Component
class MailOutbox implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private final JavaMailSender sender;

	private final MailProperties settings;

	// One thread: e-mails go one after another, each bounded by the spring.mail timeouts.
	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(daemon("mail-"));

	private final Set<String> waiting = ConcurrentHashMap.newKeySet();

	private final AtomicInteger unsent = new AtomicInteger();

	MailOutbox(ObjectProvider<JavaMailSender> sender, MailProperties settings) {
		this.sender = sender.getIfAvailable();
		this.settings = settings;
		if (this.sender == null) {
			log.info("spring.mail.host is not set: the store sends buyers no e-mail after a purchase");
		}
		else if (settings.from() == null && this.sender instanceof JavaMailSenderImpl server
				&& !StringUtils.hasText(server.getUsername())) {
			// Spring Boot reports this exception as a start-up failure naming the setting, without a stack trace.
			throw new InvalidConfigurationPropertyValueException("store.mail.from", null,
					"spring.mail.host is set, but neither store.mail.from nor spring.mail.username is: the buyers' "
							+ "e-mails would go out with no sender, and mail servers refuse those. Set store.mail.from "
							+ "(or STORE_MAIL_FROM) to the sender buyers see, such as My Store <shop@example.com>.");
		}
	}

	boolean enabled() {
		return sender != null;
	}

	/** Queues an e-mail about a purchase and returns at once. */
	void send(String purchaseId, MimeMessagePreparator message) {
		if (sender != null) {
			waiting.add(purchaseId);
			unsent.incrementAndGet();
			thread.execute(() -> attempt(purchaseId, message, 0));
		}
	}

	/** Whether every e-mail queued so far was sent or given up. */
	boolean idle() {
		return unsent.get() == 0;
	}

	private void done(String purchaseId) {
		waiting.remove(purchaseId);
		unsent.decrementAndGet();
	}

	private void attempt(String purchaseId, MimeMessagePreparator message, int failures) {
		try {
			sender.send(message);
			done(purchaseId);
			log.info("E-mailed the buyer of {}", purchaseId);
		}
		catch (MailPreparationException ex) {
			// The message could not be written (a template error, say): trying again cannot help.
			done(purchaseId);
			log.error("The e-mail for purchase {} could not be written and was not sent", purchaseId, ex);
		}
		catch (RuntimeException ex) {
			// A MailException mostly (the server refused, timed out or is down): try again later.
			if (failures < settings.retryDelays().size()) {
				Duration delay = settings.retryDelays().get(failures);
				log.warn("The e-mail for purchase {} was not sent ({}); trying again in {}", purchaseId, why(ex), delay);
				thread.schedule(() -> attempt(purchaseId, message, failures + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
			}
			else {
				done(purchaseId);
				log.error("The e-mail for purchase {} was not sent after {} tries ({}); giving up", purchaseId,
						failures + 1, why(ex));
			}
		}
	}

	/**
	 * The cause's type, and its message when it is a network error ("Connection refused"): not the
	 * message of a server's answer, which can quote the address.
	 */
	private static String why(Exception ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		return cause instanceof IOException ? cause.getClass().getName() + ": " + cause.getMessage()
				: cause.getClass().getName();
	}

	private static CustomizableThreadFactory daemon(String name) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(name);
		threads.setDaemon(true);
		return threads;
	}

	@Override
	public void destroy() {
		thread.shutdownNow();
		if (!waiting.isEmpty()) {
			log.warn("Stopping with e-mails not yet sent, for purchases {}", waiting);
		}
	}

}
