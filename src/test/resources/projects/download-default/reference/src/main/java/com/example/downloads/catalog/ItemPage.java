package com.example.downloads.catalog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.example.downloads.stripe.StripeProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything an item's page needs, for whichever controller shows it. The page is
 * {@code templates/item.ftlh}, unless a template named after the item exists:
 * {@code templates/items/<id>.ftlh} then takes over for that item alone.
 */
@Component
class ItemPage {

	private final Catalog catalog;

	private final StripeProperties settings;

	private final Map<String, String> viewByItemId = new HashMap<>();

	private final Map<String, String> priceByItemId = new HashMap<>();

	private final List<ItemPageAddition> additions;

	private final List<String> templates;

	// Paths come from the controllers and the catalog, never from a request: a few entries, ever.
	private final Map<String, Map<String, Object>> valuesByPath = new ConcurrentHashMap<>();

	ItemPage(Catalog catalog, StripeProperties settings, ResourceLoader resources, List<ItemPageAddition> additions) {
		this.catalog = catalog;
		this.settings = settings;
		this.additions = additions;
		this.templates = additions.stream().map(ItemPageAddition::template).filter(Objects::nonNull).toList();
		// Worked out once at start-up, as the catalog never changes while the store runs: a missing
		// template is searched for in every jar of the classpath, and a currency format is slow to
		// build. Item ids are letters, digits and dashes (see Item), so this names no other file.
		for (Item item : catalog.items()) {
			String ownTemplate = "items/" + item.id();
			boolean exists = resources.getResource("classpath:/templates/" + ownTemplate + ".ftlh").exists();
			viewByItemId.put(item.id(), exists ? ownTemplate : "item");
			priceByItemId.put(item.id(), item.formattedPrice(catalog.locale()));
		}
	}

	/** Each item's price as shoppers read it, by item id. */
	Map<String, String> prices() {
		return Collections.unmodifiableMap(priceByItemId);
	}

	/**
	 * Fills the model for the item's page, which is at {@code path} (such as {@code "/"}), and returns
	 * the name of the view to render.
	 */
	String show(Item item, String path, HttpServletRequest request, Model model) {
		model.addAllAttributes(valuesByPath.computeIfAbsent(path, page -> valuesOf(item, page)));
		model.addAttribute("item", item);
		model.addAttribute("price", priceByItemId.get(item.id()));
		model.addAttribute("maxQuantity", catalog.maxQuantity());
		model.addAttribute("paymentsEnabled", settings.paymentsEnabled());
		model.addAttribute("publishableKey", publishableKey());
		model.addAttribute("additions", templates);
		if (!settings.paymentsEnabled()) {
			model.addAttribute("visitorIsLocal", visitorIsLocal(request));
		}
		return viewByItemId.getOrDefault(item.id(), "item");
	}

	private Map<String, Object> valuesOf(Item item, String path) {
		Map<String, Object> values = new HashMap<>();
		additions.forEach(addition -> values.putAll(addition.values(item, path)));
		return values;
	}

	/**
	 * Whether the visitor is on the store's own machine: the seller trying the store out, who may read
	 * which keys to set, which shoppers should never see. A request that came through a proxy (it
	 * carries X-Forwarded-For or Forwarded) is never local, even from the proxy's address.
	 */
	private static boolean visitorIsLocal(HttpServletRequest request) {
		if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
			return false;
		}
		try {
			// An address literal: no name is looked up.
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	// StripeProperties refuses any other key at start-up; checked again here, where a key enters a page,
	// so that no change elsewhere can ever put a secret key into one.
	private String publishableKey() {
		String key = settings.publishableKey();
		if (key != null && !key.startsWith("pk_")) {
			throw new IllegalStateException("Only a publishable key (pk_...) may be written into a page");
		}
		return key;
	}

}
