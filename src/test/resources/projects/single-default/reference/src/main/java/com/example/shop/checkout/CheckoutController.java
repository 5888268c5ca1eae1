package com.example.shop.checkout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.shop.Order;
import com.example.shop.PurchaseHooks;
import com.example.shop.catalog.Catalog;
import com.example.shop.catalog.Item;
import com.example.shop.fulfilment.PurchaseMetadata;
import com.example.shop.ratelimit.RateLimiter;
import com.example.shop.site.StoreAddress;
import com.example.shop.stripe.StripeProperties;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.AdaptivePricing;
import com.stripe.param.checkout.SessionCreateParams.AutomaticTax;
import com.stripe.param.checkout.SessionCreateParams.BillingAddressCollection;
import com.stripe.param.checkout.SessionCreateParams.CustomerCreation;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;
import com.stripe.param.checkout.SessionCreateParams.PaymentIntentData;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static com.example.shop.site.StoreLanguage.refusal;

/**
 * Opens a checkout: prices the order from the catalog, lets {@link PurchaseHooks#prePurchase}
 * adjust or refuse it, and creates a Checkout Session for it at Stripe. checkout.js gets the
 * session's client secret and shows Stripe's payment form with it; the buyer pays Stripe
 * directly, and Stripe sends them to the receipt page. Nothing is charged here.
 */
@RestController
class CheckoutController {

	private final Catalog catalog;

	private final PurchaseHooks hooks;

	private final PurchaseMetadata purchaseMetadata;

	private final CheckoutProperties checkoutSettings;

	private final StripeProperties stripeSettings;

	private final RateLimiter rateLimiter;

	private final StripeClient stripe;

	private final StoreAddress address;

	private final List<CheckoutConsent> consents;

	CheckoutController(Catalog catalog, PurchaseHooks hooks, PurchaseMetadata purchaseMetadata,
			CheckoutProperties checkoutSettings, StripeProperties stripeSettings, RateLimiter rateLimiter,
			StripeClient stripe, StoreAddress address, List<CheckoutConsent> consents) {
		this.catalog = catalog;
		this.hooks = hooks;
		this.purchaseMetadata = purchaseMetadata;
		this.checkoutSettings = checkoutSettings;
		this.stripeSettings = stripeSettings;
		this.rateLimiter = rateLimiter;
		this.stripe = stripe;
		this.address = address;
		this.consents = consents;
	}

	@PostMapping(path = "/checkout", produces = MediaType.APPLICATION_JSON_VALUE)
	CheckoutSession open(@Valid @RequestBody CheckoutRequest request) throws StripeException {
		if (!stripeSettings.paymentsEnabled()) {
			throw refusal(HttpStatus.SERVICE_UNAVAILABLE, "checkout.noPayments");
		}
		Item item = catalog.find(request.itemId())
			.orElseThrow(() -> refusal(HttpStatus.BAD_REQUEST, "checkout.notForSale"));
		int quantity = request.quantityOrOne();
		if (quantity > catalog.maxQuantity()) {
			throw refusal(HttpStatus.BAD_REQUEST, "checkout.quantity", catalog.maxQuantity());
		}
		for (CheckoutConsent consent : consents) {
			if (!request.hasTicked(consent)) {
				throw refusal(HttpStatus.BAD_REQUEST, consent.notTickedMessage());
			}
		}
		Order order = hooks.prePurchase(Order.of(item, quantity));
		// Valid and about to reach Stripe: only now does the attempt count against the store's ceiling.
		rateLimiter.admitToStripe();
		Session session = stripe.v1().checkout().sessions().create(sessionFor(order));
		return new CheckoutSession(session.getClientSecret(), checkoutSettings.promotionCodes(),
				checkoutSettings.automaticTax());
	}

	private SessionCreateParams sessionFor(Order order) {
		ProductData.Builder product = ProductData.builder().setName(order.item().name());
		if (!order.item().description().isBlank()) {
			product.setDescription(order.item().description());
		}
		Map<String, String> metadata = new HashMap<>(purchaseMetadata.metadataFor(order));
		// The words of each box the buyer ticked, with the session and its payment: the record of their consent.
		consents.forEach(consent -> metadata.put(consent.name(), consent.wording()));
		return SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			// The payment form is Stripe's Elements on this store's own page, not a page hosted by Stripe.
			.setUiMode(SessionCreateParams.UiMode.ELEMENTS)
			.addLineItem(LineItem.builder()
				.setQuantity((long) order.quantity())
				.setPriceData(PriceData.builder()
					.setCurrency(order.currency())
					.setUnitAmount(order.unitAmount())
					.setProductData(product.build())
					.build())
				.build())
			// On the session, to recognise it later, and on its payment, for the Dashboard and refunds.
			.putAllMetadata(metadata)
			.setPaymentIntentData(PaymentIntentData.builder().putAllMetadata(metadata).build())
			// Stripe replaces {CHECKOUT_SESSION_ID}: a long random id, as hard to guess as a signed link.
			// Every link the store writes starts the same way: store.base-url (localhost without it), never a request header.
			.setReturnUrl(address.baseUrl() + "/receipt/{CHECKOUT_SESSION_ID}")
			.setAllowPromotionCodes(checkoutSettings.promotionCodes())
			.setAutomaticTax(AutomaticTax.builder().setEnabled(checkoutSettings.automaticTax()).build())
			.setBillingAddressCollection(checkoutSettings.automaticTax() ? BillingAddressCollection.REQUIRED
					: BillingAddressCollection.AUTO)
			.setAdaptivePricing(AdaptivePricing.builder().setEnabled(checkoutSettings.adaptivePricing()).build())
			.setCustomerCreation(checkoutSettings.createCustomer() ? CustomerCreation.ALWAYS : CustomerCreation.IF_REQUIRED)
			.build();
	}

}
