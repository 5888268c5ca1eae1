package ${package}.licence;

import java.util.Optional;

import ${package}.Purchase;
import ${package}.fulfilment.PaymentState;
import ${package}.fulfilment.PurchaseMetadata;
import ${package}.stripe.SessionCache;
import ${package}.stripe.StripeFailure;
import ${package}.stripe.StripeProperties;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /licences/verify}, for the seller's apps: {@code {"key": "..."}} answers whether the
 * key belongs to a paid purchase of this store's ({@code valid}), to one refunded in full or in part
 * or disputed ({@code revoked}), or to none ({@code unknown}). A key whose signature is not this
 * store's is unknown without asking Stripe. When Stripe cannot tell, the answer is a 503 to try
 * again, never a guess: an app should keep what it last heard. Stripe's answers are reused for a
 * few seconds ({@link SessionCache}), and the webhook's refunds and disputes show at once.
 */
@RestController
class LicenceController {

	private static final Logger log = LoggerFactory.getLogger(LicenceController.class);

	static final String TRY_AGAIN = "The licence could not be checked just now. Please try again in a minute.";

	private final LicenceKeys keys;

	private final SessionCache sessions;

	private final PurchaseMetadata purchaseMetadata;

	private final StripeProperties stripeSettings;

	LicenceController(LicenceKeys keys, SessionCache sessions, PurchaseMetadata purchaseMetadata,
			StripeProperties stripeSettings) {
		this.keys = keys;
		this.sessions = sessions;
		this.purchaseMetadata = purchaseMetadata;
		this.stripeSettings = stripeSettings;
	}

	@PostMapping(path = "/licences/verify", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> verify(@RequestBody LicenceCheck check) throws StripeException {
		Optional<String> sessionId = keys.sessionIdOf(check.key());
		if (sessionId.isEmpty()) {
			return ResponseEntity.ok(LicenceStatus.UNKNOWN);
		}
		if (!stripeSettings.paymentsEnabled()) {
			return cannotTell();
		}
		Session session = sessions.find(sessionId.get());
		Optional<Purchase> purchase = purchaseMetadata.purchaseOf(session);
		if (purchase.isEmpty()) {
			return ResponseEntity.ok(LicenceStatus.UNKNOWN);
		}
		return switch (PaymentState.of(session)) {
			case PAID -> ResponseEntity.ok(LicenceStatus.valid(purchase.get()));
			case REFUNDED -> ResponseEntity.ok(LicenceStatus.revoked(purchase.get(), "refunded"));
			case DISPUTED -> ResponseEntity.ok(LicenceStatus.revoked(purchase.get(), "disputed"));
			// Stripe's answer did not say whether it was refunded: say so rather than guess.
			case UNCHECKED -> cannotTell();
			// Not paid (yet): no key was ever shown for it.
			default -> ResponseEntity.ok(LicenceStatus.UNKNOWN);
		};
	}

	@ExceptionHandler
	ResponseEntity<?> stripeUnavailable(StripeException ex) {
		if (StripeFailure.notFound(ex)) {
			return ResponseEntity.ok(LicenceStatus.UNKNOWN);
		}
		log.warn("Could not check a licence with Stripe: {}", StripeFailure.summary(ex));
		return cannotTell();
	}

	/** A Problem Detail (RFC 9457) saying to ask again later: an app should keep what it last heard till then. */
	private static ResponseEntity<ProblemDetail> cannotTell() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, TRY_AGAIN));
	}

	/** What an app sends. */
	record LicenceCheck(String key) {
	}

}
