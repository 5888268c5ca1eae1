package com.example.posters.site;

import java.util.Locale;

import com.example.posters.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The store's language ({@code store.locale}). Every word a shopper reads, on a page, in a refusal
 * or anywhere else, comes from messages.properties (English), or from the bundle of the store's
 * language beside it (messages_de.properties for {@code de-DE}). To sell in another language, copy
 * messages_de.properties to messages_xx.properties and translate it.
 */
@Configuration(proxyBeanMethods = false)
public class StoreLanguage {

	private static final Logger log = LoggerFactory.getLogger(StoreLanguage.class);

	/** The store's words in its own language, for code that writes what shoppers read. */
	@Bean
	MessageSourceAccessor storeMessages(MessageSource messageSource, Catalog catalog) {
		Locale locale = catalog.locale();
		if (!languageServed(locale).equals(locale)) {
			log.warn("store.locale is {}, but there is no messages_{}.properties: the pages stay in English "
					+ "(prices are written the {} way). Copy messages_de.properties and translate it.",
					locale.toLanguageTag(), locale.getLanguage(), locale.toLanguageTag());
		}
		return new MessageSourceAccessor(messageSource, locale);
	}

	/**
	 * The language the store's words are in: store.locale's, where its language has a bundle (English
	 * always has one, messages.properties), else English. Pages name it in {@code <html lang>}, so
	 * that browsers, screen readers and search engines read the English words as English.
	 */
	public static Locale languageServed(Locale storeLocale) {
		return "en".equals(storeLocale.getLanguage()) || hasBundle(storeLocale) ? storeLocale : Locale.ENGLISH;
	}

	/**
	 * A refusal in the shopper's words: an error answer whose text is messages.properties'
	 * {@code code} (with its {@code arguments}), which Spring looks up in the store's language.
	 */
	public static ErrorResponseException refusal(HttpStatus status, String code, Object... arguments) {
		return new ErrorResponseException(status, ProblemDetail.forStatus(status), null, code, arguments);
	}

	private static boolean hasBundle(Locale locale) {
		return StoreLanguage.class.getResource("/messages_" + locale.getLanguage() + ".properties") != null
				|| StoreLanguage.class.getResource("/messages_" + locale.toString() + ".properties") != null;
	}

}
