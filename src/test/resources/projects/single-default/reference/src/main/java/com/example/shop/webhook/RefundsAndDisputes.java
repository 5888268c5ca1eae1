package com.example.shop.webhook;

import java.time.Duration;
import java.util.Optional;

import com.example.shop.Purchase;
import com.example.shop.PurchaseHooks;
import com.example.shop.Refund;
import com.example.shop.fulfilment.FulfilmentClaims;
import com.example.shop.fulfilment.FulfilmentClaims.Claim;
import com.example.shop.fulfilment.PurchaseMetadata;
import com.example.shop.stripe.SessionCache;
import com.example.shop.stripe.StripeFailure;
import com.github.benmanes.caffeine.cache.Ticker;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionListParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The webhook's refund and dispute events: finds the purchase (the Checkout Session of the event's
 * payment), closes its receipt and download at once rather than when {@link SessionCache} would
 * next ask Stripe, tells {@link PurchaseHooks#postRefund} and publishes {@link RefundPosted}.
 * Charges of the account that are not this store's sessions ({@link PurchaseMetadata}) are
 * acknowledged and left alone.
 *
 * <p>Each event is handled once in this instance: its id is claimed while it is handled and
 * remembered for {@code REMEMBERED} after ({@link FulfilmentClaims}, keyed by event id here), so a
 * second delivery, even one arriving at the same time, does not call the hook again. A failure
 * releases the claim, so that Stripe's next delivery tries again.
 */
@Component
class RefundsAndDisputes {

	private static final Logger log = LoggerFactory.getLogger(RefundsAndDisputes.class);

	/** Stripe's second deliveries of an event come within minutes, rarely hours. Refunds are few. */
	static final Duration REMEMBERED = Duration.ofDays(1);

	private final StripeClient stripe;

	private final PurchaseHooks hooks;

	private final PurchaseMetadata purchaseMetadata;

	private final SessionCache sessionCache;

	private final ApplicationEventPublisher events;

	private final FulfilmentClaims handled = new FulfilmentClaims(REMEMBERED, Ticker.systemTicker());

	RefundsAndDisputes(StripeClient stripe, PurchaseHooks hooks, PurchaseMetadata purchaseMetadata,
			SessionCache sessionCache, ApplicationEventPublisher events) {
		this.stripe = stripe;
		this.hooks = hooks;
		this.purchaseMetadata = purchaseMetadata;
		this.sessionCache = sessionCache;
		this.events = events;
	}

	/** Answers a signed event of one of {@link RefundEvent#TYPES}, the way the webhook answers Stripe. */
	ResponseEntity<String> receive(Event event) {
		Optional<RefundEvent> reported = RefundEvent.of(event);
		if (reported.isEmpty()) {
			log.warn("Ignored event {} ({}): it names no charge", event.getId(), event.getType());
			return ResponseEntity.ok("ok");
		}
		String eventId = event.getId();
		String chargeId = reported.get().chargeId();
		Claim mine = new Claim();
		Claim earlier = handled.claim(eventId, mine);
		try {
			if (earlier != null) {
				// Delivered again: answer as the first delivery does, so that a failure is retried.
				earlier.awaitFulfilled();
				return ResponseEntity.ok("ok");
			}
			take(reported.get());
			handled.fulfilled(eventId, mine, true);
			return ResponseEntity.ok("ok");
		}
		catch (StripeException ex) {
			handled.release(eventId, mine, ex);
			if (StripeFailure.notFound(ex)) {
				log.warn("Webhook: Stripe has no charge {}; event {} is acknowledged and ignored", chargeId, eventId);
				return ResponseEntity.ok("ok");
			}
			log.warn("Webhook: a Stripe call for charge {} failed, {}; Stripe will retry", chargeId,
					StripeFailure.summary(ex));
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("Stripe unavailable, retry later");
		}
		catch (RuntimeException ex) {
			// postRefund or a listener of RefundPosted failed (or the delivery this one waited for
			// did): Stripe delivers the event again.
			if (earlier == null) {
				handled.release(eventId, mine, ex);
			}
			log.error("Webhook: event {} ({}) failed; Stripe will retry", eventId, event.getType(), ex);
			return ResponseEntity.internalServerError().body("Refund failed, retry later");
		}
		catch (Error ex) {
			if (earlier == null) {
				handled.release(eventId, mine, ex);
			}
			throw ex;
		}
	}

	/**
	 * Reads the charge again for what is refunded now (an event can be old), finds its session, and
	 * if it is this store's, forgets what the receipt and download were told, calls the hook and
	 * publishes what it told the hook.
	 */
	private void take(RefundEvent event) throws StripeException {
		Charge charge = stripe.v1().charges().retrieve(event.chargeId());
		Optional<Purchase> purchase = Optional.empty();
		if (charge.getPaymentIntent() != null) {
			for (Session session : stripe.v1()
				.checkout()
				.sessions()
				.list(SessionListParams.builder().setPaymentIntent(charge.getPaymentIntent()).build())
				.getData()) {
				purchase = purchase.or(() -> purchaseMetadata.purchaseOf(session));
			}
		}
		if (purchase.isEmpty()) {
			log.info("Ignored event {}: charge {} is not a purchase of this store's", event.eventId(), event.chargeId());
			return;
		}
		// Before the hook: if it fails, the purchase is closed all the same.
		sessionCache.forget(purchase.get().id());
		Refund refund = new Refund(purchase.get().id(), purchase.get().itemId(), purchase.get().quantity(), event.kind(),
				charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded(), charge.getCurrency(),
				Boolean.TRUE.equals(charge.getRefunded()), event.eventId());
		hooks.postRefund(refund);
		events.publishEvent(new RefundPosted(refund));
	}

}
