package com.example.posters.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says what the store sells once it is up, so a wrong price is noticed before a shopper sees it. */
@Component
class CatalogLogger {

	private static final Logger log = LoggerFactory.getLogger(CatalogLogger.class);

	private final Catalog catalog;

	CatalogLogger(Catalog catalog) {
		this.catalog = catalog;
	}

	@EventListener(ApplicationReadyEvent.class)
	void logCatalog() {
		for (Item item : catalog.items()) {
			log.info("Selling {} at {} (id {})", item.name(), item.formattedPrice(catalog.locale()), item.id());
		}
	}

}
