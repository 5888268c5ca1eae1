package com.example.hostile.downloads.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** Says what the store sells once it is up, so a wrong price is noticed before a shopper sees it. */
@Component
class CatalogLogger {

	private static final Logger log = LoggerFactory.getLogger(CatalogLogger.class);

	private final Catalog catalog;

	private final WebProperties web;

	private final ResourceLoader resources;

	CatalogLogger(Catalog catalog, WebProperties web, ResourceLoader resources) {
		this.catalog = catalog;
		this.web = web;
		this.resources = resources;
	}

	@EventListener(ApplicationReadyEvent.class)
	void logCatalog() {
		for (Item item : catalog.items()) {
			log.info("Selling {} at {} (id {})", item.name(), item.formattedPrice(catalog.locale()), item.id());
		}
		remindOfWhatIsLeftToWrite();
		warnOfMissingImages();
	}

	/** An image path with no file behind it shows shoppers a broken picture: say so before they see it. */
	private void warnOfMissingImages() {
		for (Item item : catalog.items()) {
			if (item.image() != null && item.image().startsWith("/") && !isStaticFile(item.image())) {
				log.warn("Item {} has image {}, but there is no such file under src/main/resources/static/: "
						+ "its pages show a broken picture. Add the file or correct the path in application.yml",
						item.id(), item.image());
			}
		}
	}

	/** Where Spring Boot serves static files from (spring.web.resources.static-locations). */
	private boolean isStaticFile(String path) {
		for (String location : web.getResources().getStaticLocations()) {
			if (resources.getResource(location + path.substring(1)).exists()) {
				return true;
			}
		}
		return false;
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
