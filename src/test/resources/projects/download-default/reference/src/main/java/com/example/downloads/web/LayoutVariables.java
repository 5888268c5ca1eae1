package com.example.downloads.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

	private static final Set<String> REGIONAL_STRIPE_LOCALES = Set.of("en-GB", "es-419", "fr-CA", "pt-BR", "zh-HK",
			"zh-TW");

	private final Catalog catalog;

	private final StripeSettings stripe;

	LayoutVariables(Catalog catalog, StripeSettings stripe) {
		this.catalog = catalog;
		this.stripe = stripe;
	}

	@Override
	public void customizeFreeMarkerVariables(Map<String, Object> variables) {
		variables.put("storeName", catalog.name());
		// store.locale: the pages' language, and the one Stripe's payment form speaks.
		variables.put("lang", catalog.locale().toLanguageTag());
		variables.put("stripeLocale", stripeLocale(catalog.locale()));
		// Stripe asks for stripe.js on every page of a store, not just the payment form: it watches
		// how shoppers move through the site to tell them from fraudsters (Radar). Not without keys.
		variables.put("stripeJsUrl", stripe.paymentsEnabled() ? stripe.jsUrl() : "");
	}

	/**
	 * Stripe.js takes a language ("de"), or a language and region for the few it has apart
	 * ("fr-CA", "pt-BR"): Stripe's "supported locales" list.
	 */
	static String stripeLocale(Locale locale) {
		String tag = locale.toLanguageTag();
		return REGIONAL_STRIPE_LOCALES.contains(tag) ? tag : locale.getLanguage();
	}

}
