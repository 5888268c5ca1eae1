package ${package}.checkout;

import ${package}.catalog.Catalog;
import ${package}.catalog.Item;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The receipt page. The store keeps no records: it reads the payment back from Stripe. */
@Controller
class ReceiptController {

	private final Catalog catalog;

	private final ReceiptLinks receiptLinks;

	private final StripeClient stripe;

	ReceiptController(Catalog catalog, ReceiptLinks receiptLinks, StripeClient stripe) {
		this.catalog = catalog;
		this.receiptLinks = receiptLinks;
		this.stripe = stripe;
	}

	@GetMapping("/receipt/{paymentIntentId}/{signature}")
	String showReceipt(@PathVariable String paymentIntentId, @PathVariable String signature, Model model)
			throws StripeException {
		if (!receiptLinks.isValid(paymentIntentId, signature)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		PaymentIntent intent = stripe.v1().paymentIntents().retrieve(paymentIntentId);
		Purchase purchase = Purchase.from(intent);
		model.addAttribute("purchase", purchase);
		model.addAttribute("status", intent.getStatus());
		model.addAttribute("itemName", catalog.find(purchase.itemId()).map(Item::name).orElse(purchase.itemId()));
		model.addAttribute("total", Item.formatMinorUnits(purchase.amount(), purchase.currency(), catalog.locale()));
		return "receipt";
	}

}
