package com.example.plain;

import java.util.Locale;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The store's words (messages.properties) in a language, for tests that make a class without
 * Spring; a {@link StoreTest} can autowire the store's own {@code MessageSourceAccessor} instead.
 */
public final class Messages {

	private Messages() {
	}

	/** The English text of {@code code}, as the tests' store (store.locale en-US) writes it. */
	public static String english(String code) {
		return in(Locale.US).getMessage(code);
	}

	public static MessageSourceAccessor in(Locale locale) {
		return new MessageSourceAccessor(bundles(), locale);
	}

	/** messages.properties and the languages beside it, read as the store's application.yml says. */
	public static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasename("messages");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		return bundles;
	}

}
