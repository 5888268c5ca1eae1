package com.example.hostile.downloads.lostlink;

import java.util.List;

import com.example.hostile.downloads.fulfilment.PaymentState;
import com.example.hostile.downloads.fulfilment.PurchaseMetadata;
import com.example.hostile.downloads.mail.LostLinkMail;
import com.example.hostile.downloads.stripe.StripeFailure;
import com.example.hostile.downloads.stripe.StripeProperties;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionListParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Finds an address's paid purchases of this store at Stripe and e-mails fresh links for them. It
 * works on a thread of Spring Boot's task executor, never the request's: the page answers before
 * Stripe is even asked, so how long it takes tells nothing about the address. Stripe is asked for
 * the address's 100 most recent complete Checkout Sessions (of the whole account: the store keeps
 * its own, paid and neither refunded nor disputed). Nothing is logged about the address.
 */
@Component
class LostLinks {

	private static final Logger log = LoggerFactory.getLogger(LostLinks.class);

	private final StripeClient stripe;

	private final StripeProperties stripeSettings;

	private final PurchaseMetadata purchaseMetadata;

	private final LostLinkMail mail;

	private final TaskExecutor executor;

	LostLinks(StripeClient stripe, StripeProperties stripeSettings, PurchaseMetadata purchaseMetadata, LostLinkMail mail,
			TaskExecutor executor) {
		this.stripe = stripe;
		this.stripeSettings = stripeSettings;
		this.purchaseMetadata = purchaseMetadata;
		this.mail = mail;
		this.executor = executor;
	}

	/** Whether the store can send e-mail at all (spring.mail.host). */
	boolean enabled() {
		return mail.enabled();
	}

	/** Looks the address up and mails its links later; returns at once. */
	void sendTo(String email) {
		// Without keys the store has sold nothing.
		if (stripeSettings.paymentsEnabled()) {
			executor.execute(() -> lookUpAndSend(email));
		}
	}

	private void lookUpAndSend(String email) {
		try {
			List<Session> paid = paidSessionsOf(email);
			if (paid.isEmpty()) {
				log.info("A lost-link request matched no paid purchase: no e-mail sent");
				return;
			}
			mail.send(email, paid);
		}
		catch (StripeException ex) {
			log.warn("Could not look up a lost-link request at Stripe: {}; no e-mail sent", StripeFailure.summary(ex));
		}
		catch (RuntimeException ex) {
			log.error("A lost-link request failed; no e-mail sent", ex);
		}
	}

	List<Session> paidSessionsOf(String email) throws StripeException {
		SessionListParams params = SessionListParams.builder()
			.setCustomerDetails(SessionListParams.CustomerDetails.builder().setEmail(email).build())
			.setStatus(SessionListParams.Status.COMPLETE)
			.setLimit(100L)
			// What PaymentState needs to tell a refund or a dispute, as the receipt page reads it.
			.addExpand("data.payment_intent.latest_charge")
			.build();
		return stripe.v1()
			.checkout()
			.sessions()
			.list(params)
			.getData()
			.stream()
			.filter(session -> purchaseMetadata.purchaseOf(session).isPresent() && session.getReturnUrl() != null)
			.filter(session -> PaymentState.of(session) == PaymentState.PAID)
			.toList();
	}

}
