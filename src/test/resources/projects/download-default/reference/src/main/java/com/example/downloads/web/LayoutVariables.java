package com.example.downloads.web;

import java.util.Map;

import com.example.downloads.catalog.Catalog;
import com.example.downloads.stripe.StripeSettings;

import org.springframework.boot.freemarker.autoconfigure.FreeMarkerVariablesCustomizer;
import org.springframework.stereotype.Component;

/**
 * What layout.ftlh shows on every page, error pages included: set once as FreeMarker shared
 * variables rather than added to the model of every request.
 */
@Component
class LayoutVariables implements FreeMarkerVariablesCustomizer {

	private final Catalog catalog;

	private final StripeSettings stripe;

	LayoutVariables(Catalog catalog, StripeSettings stripe) {
		this.catalog = catalog;
		this.stripe = stripe;
	}

	@Override
	public void customizeFreeMarkerVariables(Map<String, Object> variables) {
		variables.put("storeName", catalog.name());
		// Stripe asks for stripe.js on every page of a store, not just the payment form: it watches
		// how shoppers move through the site to tell them from fraudsters (Radar). Not without keys.
		variables.put("stripeJsUrl", stripe.paymentsEnabled() ? stripe.jsUrl() : "");
	}

}
