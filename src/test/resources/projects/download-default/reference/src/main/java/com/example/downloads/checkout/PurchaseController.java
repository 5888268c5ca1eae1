package com.example.downloads.checkout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.downloads.catalog.Catalog;
import com.example.downloads.catalog.Item;
import com.example.downloads.checkout.PurchaseResponse.ActionRequired;
import com.example.downloads.checkout.PurchaseResponse.Failure;
import com.example.downloads.checkout.PurchaseResponse.Receipt;
import com.example.downloads.ratelimit.PurchaseRateLimiter;
import com.example.downloads.stripe.StripeSettings;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentCreateParams.AutomaticPaymentMethods;
import com.stripe.param.PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Takes the payment, following the steps of the design: the browser sends a confirmation token,
 * the server prices the order itself and creates and confirms one PaymentIntent.
 */
@RestController
class PurchaseController {

	private static final Logger log = LoggerFactory.getLogger(PurchaseController.class);

	// Stripe's ids are letters and digits after a prefix. Checking the shape keeps anything else
	// (line breaks, say) out of the idempotency key and the Stripe request.
	private static final Pattern CONFIRMATION_TOKEN = Pattern.compile("ctoken_[A-Za-z0-9]{1,200}");

	private static final Pattern CLIENT_SECRET = Pattern.compile("(pi_[A-Za-z0-9]{1,100})_secret_[A-Za-z0-9]{1,100}");

	// Enough to catch a typo before Stripe refuses the address; Stripe checks the rest.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final Catalog catalog;

	private final PurchaseHooks hooks;

	private final Fulfilment fulfilment;

	private final ReceiptLinks receiptLinks;

	private final StripeClient stripe;

	private final StripeSettings settings;

	private final StorePayments storePayments;

	private final PurchaseRateLimiter rateLimiter;

	PurchaseController(Catalog catalog, PurchaseHooks hooks, Fulfilment fulfilment, ReceiptLinks receiptLinks,
			StripeClient stripe, StripeSettings settings, StorePayments storePayments, PurchaseRateLimiter rateLimiter) {
		this.catalog = catalog;
		this.hooks = hooks;
		this.fulfilment = fulfilment;
		this.receiptLinks = receiptLinks;
		this.stripe = stripe;
		this.settings = settings;
		this.storePayments = storePayments;
		this.rateLimiter = rateLimiter;
	}

	// Answers only in JSON: a client that cannot read it is refused (406) before anything is charged,
	// rather than charged and then sent an error because the answer could not be written.
	@PostMapping(path = "/purchase", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PurchaseResponse> purchase(@RequestBody PurchaseRequest request) throws StripeException {
		requirePaymentsEnabled();
		if (request.confirmationTokenId() == null || !CONFIRMATION_TOKEN.matcher(request.confirmationTokenId()).matches()) {
			throw new PurchaseFailedException(HttpStatus.BAD_REQUEST, "The payment details are missing.");
		}
		String email = blankToNull(request.email());
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			throw new PurchaseFailedException(HttpStatus.BAD_REQUEST, "Please enter a valid email address for the receipt.");
		}
		Item item = catalog.find(request.itemId())
			.orElseThrow(() -> new PurchaseFailedException(HttpStatus.BAD_REQUEST, "This item is not for sale."));
		int quantity = request.quantity() == null ? 1 : request.quantity();
		if (quantity < 1 || quantity > catalog.maxQuantity()) {
			throw new PurchaseFailedException(HttpStatus.BAD_REQUEST,
					"Choose a quantity from 1 to " + catalog.maxQuantity() + ".");
		}
		Order order = hooks.prePurchase(Order.of(item, quantity, email));

		PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
			.setAmount(order.amount())
			.setCurrency(order.currency())
			.setConfirm(true)
			.setConfirmationToken(request.confirmationTokenId())
			// Card payments confirm without leaving the page; methods that redirect would need a return_url.
			.setAutomaticPaymentMethods(
					AutomaticPaymentMethods.builder().setEnabled(true).setAllowRedirects(AllowRedirects.NEVER).build())
			.setReceiptEmail(blankToNull(order.email()))
			.putAllMetadata(storePayments.metadataFor(order))
			.build();
		// The same confirmation token always gives the same key, so a retried or doubled
		// request returns the first PaymentIntent instead of charging again.
		RequestOptions options = RequestOptions.builder()
			.setIdempotencyKey("purchase-" + request.confirmationTokenId())
			.build();
		// Valid and about to reach Stripe: only now does the attempt count against the store's ceiling.
		rateLimiter.admitToStripe();
		return answer(stripe.v1().paymentIntents().create(params, options));
	}

	/** After 3-D Secure in the browser: look at the payment again and fulfil it if it went through. */
	@PostMapping(path = "/purchase/complete", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PurchaseResponse> complete(@RequestBody CompletionRequest request) throws StripeException {
		requirePaymentsEnabled();
		String clientSecret = request.clientSecret() == null ? "" : request.clientSecret();
		Matcher secret = CLIENT_SECRET.matcher(clientSecret);
		if (!secret.matches()) {
			throw new PurchaseFailedException(HttpStatus.BAD_REQUEST, "This payment is unknown.");
		}
		rateLimiter.admitToStripe();
		PaymentIntent intent = stripe.v1().paymentIntents().retrieve(secret.group(1));
		// A client secret of another of the account's payments (a payment link's, say) gets no receipt here.
		if (!clientSecret.equals(intent.getClientSecret()) || storePayments.purchaseOf(intent).isEmpty()) {
			throw new PurchaseFailedException(HttpStatus.BAD_REQUEST, "This payment is unknown.");
		}
		return answer(intent);
	}

	private ResponseEntity<PurchaseResponse> answer(PaymentIntent intent) throws StripeException {
		switch (intent.getStatus()) {
			case "succeeded" -> {
				fulfilOrLeaveToTheWebhook(intent);
				return ResponseEntity.ok(new Receipt(receiptLinks.pathFor(intent.getId())));
			}
			case "processing" -> {
				// Stripe sends payment_intent.succeeded to the webhook once the money arrives.
				return ResponseEntity.ok(new Receipt(receiptLinks.pathFor(intent.getId())));
			}
			case "requires_action" -> {
				return ResponseEntity.ok(new ActionRequired(intent.getClientSecret()));
			}
			default -> {
				String message = intent.getLastPaymentError() != null
						&& intent.getLastPaymentError().getMessage() != null
								? intent.getLastPaymentError().getMessage() : PurchaseErrors.NOT_CHARGED;
				return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).body(new Failure(message));
			}
		}
	}

	/**
	 * The shopper has paid, so they get their receipt even if postPurchase fails (your database is
	 * down, say). The payment stays unmarked at Stripe, and Stripe's webhook calls postPurchase again.
	 */
	private void fulfilOrLeaveToTheWebhook(PaymentIntent intent) {
		try {
			fulfilment.fulfil(intent);
		}
		catch (StripeException | RuntimeException ex) {
			log.error("Payment {} succeeded but was not fulfilled; the webhook will try again", intent.getId(), ex);
		}
	}

	private void requirePaymentsEnabled() {
		if (!settings.paymentsEnabled()) {
			throw new PurchaseFailedException(HttpStatus.SERVICE_UNAVAILABLE,
					"This store is not taking payments yet.");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
