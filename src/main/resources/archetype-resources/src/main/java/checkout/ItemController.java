package ${package}.checkout;

import ${package}.catalog.Catalog;
import ${package}.catalog.Item;
import ${package}.stripe.StripeSettings;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Shows the item with its payment form. */
@Controller
class ItemController {

	private final Catalog catalog;

	private final StripeSettings settings;

	ItemController(Catalog catalog, StripeSettings settings) {
		this.catalog = catalog;
		this.settings = settings;
	}

	@GetMapping("/")
	String showItem(Model model, CsrfToken csrf) {
		Item item = catalog.firstItem();
		model.addAttribute("item", item);
		model.addAttribute("price", item.formattedPrice(catalog.locale()));
		model.addAttribute("amount", item.amountInMinorUnits(1));
		model.addAttribute("paymentsEnabled", settings.paymentsEnabled());
		model.addAttribute("publishableKey", settings.publishableKey());
		// The checkout script sends this token back in a header; Spring Security checks it on every POST.
		model.addAttribute("csrf", csrf);
		return "item";
	}

}
