package com.example.hostile.downloads.checkout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the Checkout Session offers the buyer, bound from {@code checkout.*} in application.yml
 * (where each switch is explained). Each needs its own set-up in the Stripe Dashboard first.
 *
 * @param promotionCodes Whether the payment form has a field for the promotion codes made in the
 * Dashboard (Product catalog > Coupons).
 * @param automaticTax Whether Stripe Tax works out the tax from the buyer's address, which the page
 * then asks for (Dashboard > Tax: set your origin address and registrations first).
 * @param adaptivePricing Whether buyers abroad see and pay the price in their own currency
 * (Dashboard > Settings > Adaptive Pricing).
 * @param createCustomer Whether each buyer is kept as a Stripe Customer under their e-mail, so that
 * repeat purchases group together in the Dashboard. The e-mail is always asked for: it is where
 * Stripe sends its receipt.
 */
@ConfigurationProperties("checkout")
public record CheckoutProperties(@DefaultValue("false") boolean promotionCodes,
		@DefaultValue("false") boolean automaticTax, @DefaultValue("false") boolean adaptivePricing,
		@DefaultValue("false") boolean createCustomer) {
}
