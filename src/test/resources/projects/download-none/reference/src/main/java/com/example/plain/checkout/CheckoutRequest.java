package com.example.plain.checkout;

import java.util.Set;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What checkout.js sends to open a checkout: which item, how many, and the names of the boxes the
 * buyer ticked on the item page ({@link CheckoutConsent}). Nothing else, and never a price: the
 * store prices the order from its catalog, and a request with any other field (an "amount", say)
 * is refused before this is made (spring.jackson in application.yml).
 */
record CheckoutRequest(
		@NotBlank(message = "{checkout.notForSale}") @Size(max = 100, message = "{checkout.notForSale}") String itemId,
		@Min(value = 1, message = "{checkout.quantityAtLeastOne}") Integer quantity,
		Set<String> ticked) {

	int quantityOrOne() {
		return quantity == null ? 1 : quantity;
	}

	boolean hasTicked(CheckoutConsent consent) {
		return ticked != null && ticked.contains(consent.name());
	}

}
