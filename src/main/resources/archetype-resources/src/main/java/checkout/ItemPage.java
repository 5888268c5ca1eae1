package ${package}.checkout;

import ${package}.catalog.Catalog;
import ${package}.catalog.Item;
import ${package}.stripe.StripeSettings;

import org.springframework.core.io.ResourceLoader;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything an item's page needs, for whichever controller shows it. The page is
 * {@code templates/item.ftlh}, unless a template named after the item exists:
 * {@code templates/items/<id>.ftlh} then takes over for that item alone.
 */
@Component
public class ItemPage {

	private final Catalog catalog;

	private final StripeSettings settings;

	private final ResourceLoader resources;

	ItemPage(Catalog catalog, StripeSettings settings, ResourceLoader resources) {
		this.catalog = catalog;
		this.settings = settings;
		this.resources = resources;
	}

	/** Fills the model for the item's page and returns the name of the view to render. */
	public String show(Item item, Model model, CsrfToken csrf) {
		model.addAttribute("item", item);
		model.addAttribute("price", item.formattedPrice(catalog.locale()));
		model.addAttribute("amount", item.amountInMinorUnits(1));
		model.addAttribute("maxQuantity", catalog.maxQuantity());
		model.addAttribute("locale", catalog.locale().toLanguageTag());
		model.addAttribute("paymentsEnabled", settings.paymentsEnabled());
		model.addAttribute("publishableKey", settings.publishableKey());
		model.addAttribute("stripeJsUrl", settings.jsUrl());
		// The checkout script sends this token back in a header; Spring Security checks it on every POST.
		model.addAttribute("csrf", csrf);
		// Item ids are letters, digits and dashes (see Item), so this names no other file.
		String ownTemplate = "items/" + item.id();
		return resources.getResource("classpath:/templates/" + ownTemplate + ".ftlh").exists() ? ownTemplate : "item";
	}

}
