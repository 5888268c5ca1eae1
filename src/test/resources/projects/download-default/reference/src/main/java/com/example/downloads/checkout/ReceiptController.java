package com.example.downloads.checkout;

import java.util.Map;

import com.example.downloads.catalog.Catalog;
import com.example.downloads.catalog.Item;
import com.example.downloads.stripe.RecentPayments;
import com.example.downloads.stripe.StripeSettings;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** The receipt page. The store keeps no records: it reads the payment back from Stripe. */
@Controller
class ReceiptController {

	private static final Logger log = LoggerFactory.getLogger(ReceiptController.class);

	private final Catalog catalog;

	private final ReceiptLinks receiptLinks;

	private final RecentPayments payments;

	private final StorePayments storePayments;

	private final StripeSettings settings;

	ReceiptController(Catalog catalog, ReceiptLinks receiptLinks, RecentPayments payments, StorePayments storePayments,
			StripeSettings settings) {
		this.catalog = catalog;
		this.receiptLinks = receiptLinks;
		this.payments = payments;
		this.storePayments = storePayments;
		this.settings = settings;
	}

	@GetMapping("/receipt/{paymentIntentId}/{signature}")
	String showReceipt(@PathVariable String paymentIntentId, @PathVariable String signature, Model model)
			throws StripeException {
		// Without keys the store has sold nothing, and a link signed without a key proves nothing.
		if (!settings.paymentsEnabled() || !receiptLinks.isValid(paymentIntentId, signature)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		PaymentIntent intent = payments.find(paymentIntentId);
		Purchase purchase = storePayments.purchaseOf(intent)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		PaymentState state = PaymentState.of(intent);
		model.addAttribute("purchase", purchase);
		model.addAttribute("state", state.name());
		model.addAttribute("itemName", catalog.find(purchase.itemId()).map(Item::name).orElse(purchase.itemId()));
		model.addAttribute("total", Item.formatMinorUnits(purchase.amount(), purchase.currency(), catalog.locale()));
		if (state == PaymentState.REFUNDED) {
			model.addAttribute("refunded", Item.formatMinorUnits(intent.getLatestChargeObject().getAmountRefunded(),
					purchase.currency(), catalog.locale()));
		}
		return "receipt";
	}

	@ExceptionHandler
	ModelAndView stripeUnavailable(StripeException ex) {
		log.warn("Could not read a receipt from Stripe: HTTP {} {} (request {})", ex.getStatusCode(), ex.getCode(),
				ex.getRequestId());
		ModelAndView page = new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		page.addObject("error", Map.of("message",
				"This receipt could not be loaded just now. Please try again in a minute."));
		return page;
	}

}
