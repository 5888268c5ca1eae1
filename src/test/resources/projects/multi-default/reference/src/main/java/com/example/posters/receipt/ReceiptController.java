package com.example.posters.receipt;

import java.util.List;
import java.util.regex.Pattern;

import com.example.posters.Purchase;
import com.example.posters.catalog.Catalog;
import com.example.posters.catalog.Item;
import com.example.posters.fulfilment.Fulfilment;
import com.example.posters.fulfilment.PaymentState;
import com.example.posters.fulfilment.PurchaseMetadata;
import com.example.posters.stripe.SessionCache;
import com.example.posters.stripe.StripeFailure;
import com.example.posters.stripe.StripeProperties;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The receipt page, where Stripe sends the buyer after paying: {@code /receipt/<session id>}.
 * The store keeps no records: it reads the Checkout Session back from Stripe, fulfils it if it
 * is paid and nobody has yet, and shows where it stands: for a paid purchase, with what each
 * {@link ReceiptAddition} adds.
 */
@Controller
class ReceiptController {

	private static final Logger log = LoggerFactory.getLogger(ReceiptController.class);

	// Stripe's session ids are letters and digits after their prefix: anything else is not asked for.
	private static final Pattern SESSION_ID = Pattern.compile("cs_(test|live)_[A-Za-z0-9]{10,200}");

	private final Catalog catalog;

	private final SessionCache sessions;

	private final PurchaseMetadata purchaseMetadata;

	private final Fulfilment fulfilment;

	private final StripeProperties settings;

	private final MessageSourceAccessor messages;

	private final List<ReceiptAddition> additions;

	ReceiptController(Catalog catalog, SessionCache sessions, PurchaseMetadata purchaseMetadata, Fulfilment fulfilment,
			StripeProperties settings, MessageSourceAccessor messages, List<ReceiptAddition> additions) {
		this.catalog = catalog;
		this.sessions = sessions;
		this.purchaseMetadata = purchaseMetadata;
		this.fulfilment = fulfilment;
		this.settings = settings;
		this.messages = messages;
		this.additions = additions;
	}

	@GetMapping("/receipt/{sessionId}")
	String showReceipt(@PathVariable String sessionId, Model model) throws StripeException {
		// Without keys the store has sold nothing.
		if (!settings.paymentsEnabled() || !SESSION_ID.matcher(sessionId).matches()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Session session = sessions.find(sessionId);
		Purchase purchase = purchaseMetadata.purchaseOf(session)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		PaymentState state = PaymentState.of(session);
		if (state == PaymentState.PAID) {
			fulfilOrLeaveToTheWebhook(session);
		}
		model.addAttribute("purchase", purchase);
		model.addAttribute("state", state.name());
		model.addAttribute("itemName", catalog.find(purchase.itemId()).map(Item::name).orElse(purchase.itemId()));
		model.addAttribute("total", money(purchase.amountTotal(), purchase.currency()));
		if (session.getTotalDetails() != null) {
			addIfSome(model, "discount", session.getTotalDetails().getAmountDiscount(), purchase.currency());
			addIfSome(model, "tax", session.getTotalDetails().getAmountTax(), purchase.currency());
		}
		if (state == PaymentState.PAID) {
			additions.forEach(addition -> addition.addTo(purchase, session, model.asMap()));
			model.addAttribute("additions", additions.stream().map(ReceiptAddition::template).toList());
		}
		if (state == PaymentState.REFUNDED) {
			addIfSome(model, "refunded",
					session.getPaymentIntentObject().getLatestChargeObject().getAmountRefunded(), purchase.currency());
		}
		return "receipt";
	}

	/**
	 * The buyer has paid, so they get their receipt even if postPurchase fails (your database is
	 * down, say): the session stays unmarked at Stripe, and Stripe's webhook calls postPurchase again.
	 */
	private void fulfilOrLeaveToTheWebhook(Session session) {
		try {
			fulfilment.fulfil(session);
		}
		catch (StripeException | RuntimeException ex) {
			log.error("Purchase {} is paid but was not fulfilled; the webhook will try again", session.getId(), ex);
		}
	}

	private void addIfSome(Model model, String name, Long amount, String currency) {
		if (amount != null && amount > 0) {
			model.addAttribute(name, money(amount, currency));
		}
	}

	private String money(long amount, String currency) {
		return Item.formatMinorUnits(amount, currency, catalog.locale());
	}

	@ExceptionHandler
	ModelAndView stripeUnavailable(StripeException ex) {
		if (StripeFailure.notFound(ex)) {
			// No such session at Stripe: for the buyer, no such page.
			return page(HttpStatus.NOT_FOUND, "error.404");
		}
		log.warn("Could not read a receipt from Stripe: {}", StripeFailure.summary(ex));
		return page(HttpStatus.SERVICE_UNAVAILABLE, "receipt.unavailable");
	}

	private ModelAndView page(HttpStatus status, String code) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("detail", messages.getMessage(code));
		return page;
	}

}
