package com.example.shop.catalog;

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
		remindOfWhatIsLeftToWrite();
	}

	/** What the archetype left for the seller to write: hints belong here, not on shoppers' pages. */
	private void remindOfWhatIsLeftToWrite() {
		if ("My Store".equals(catalog.name())) {
			log.info("store.name is still 'My Store': give the store its name in application.yml");
		}
		for (Item item : catalog.items()) {
			if (item.id().startsWith("example-")) {
				log.info("Item {} is one of the archetype's examples: replace or delete it in application.yml", item.id());
			}
			else if (item.description().isBlank()) {
				log.info("Item {} has no description: say what the buyer gets under store.items in application.yml "
						+ "(its page, search results and link previews show it)", item.id());
			}
		}
	}

}
