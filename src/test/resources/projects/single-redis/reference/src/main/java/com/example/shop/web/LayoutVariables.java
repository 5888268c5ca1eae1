package com.example.shop.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.example.shop.catalog.Catalog;
import com.example.shop.site.StoreLanguage;
import com.example.shop.stripe.StripeProperties;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import org.springframework.boot.freemarker.autoconfigure.FreeMarkerVariablesCustomizer;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/**
 * What layout.ftlh shows on every page, error pages included: set once as FreeMarker shared
 * variables rather than added to the model of every request. Templates rendered outside a request get them too.
 */
@Component
class LayoutVariables implements FreeMarkerVariablesCustomizer {

	private static final Set<String> REGIONAL_STRIPE_LOCALES = Set.of("en-GB", "es-419", "fr-CA", "pt-BR", "zh-HK",
			"zh-TW");

	private final Catalog catalog;

	private final StripeProperties stripe;

	private final MessageSourceAccessor messages;

	private final List<FooterLink> footerLinks;

	LayoutVariables(Catalog catalog, StripeProperties stripe, MessageSourceAccessor messages,
			List<FooterLink> footerLinks) {
		this.catalog = catalog;
		this.stripe = stripe;
		this.messages = messages;
		this.footerLinks = footerLinks;
	}

	@Override
	public void customizeFreeMarkerVariables(Map<String, Object> variables) {
		variables.put("storeName", catalog.name());
		// store.locale: the pages' language (English where it has no messages file yet), and the
		// one Stripe's payment form speaks.
		variables.put("lang", StoreLanguage.languageServed(catalog.locale()).toLanguageTag());
		variables.put("stripeLocale", stripeLocale(catalog.locale()));
		// msg("receipt.thanks") or msg("checkout.quantity", max) in a template: the store's
		// words (messages.properties), escaped in .ftlh like any other value.
		variables.put("msg", (TemplateMethodModelEx) this::message);
		// Stripe asks for stripe.js on every page of a store, not just the payment form: it watches
		// how shoppers move through the site to tell them from fraudsters (Radar). Not without keys.
		variables.put("stripeJsUrl", stripe.paymentsEnabled() ? stripe.jsUrl() : "");
		variables.put("footerLinks", footerLinks);
	}

	private String message(List<?> arguments) throws TemplateModelException {
		String code = String.valueOf(DeepUnwrap.unwrap((TemplateModel) arguments.get(0)));
		Object[] args = new Object[arguments.size() - 1];
		for (int i = 0; i < args.length; i++) {
			args[i] = DeepUnwrap.unwrap((TemplateModel) arguments.get(i + 1));
		}
		return messages.getMessage(code, args);
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
