package bench.starters;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The item page, with what the store's item.ftlh reads, written the plain way: the archetype's default item. */
@Controller
class ItemPageController {

	/** What item.ftlh reads of an item. */
	public record Item(String id, String name, String description, String image, String imageAlt, BigDecimal price,
			String currency) {
	}

	private static final Item ITEM = new Item("item", "My E-book", "", null, null, new BigDecimal("9.00"), "usd");

	private static final String PRICE = priceOf(ITEM);

	@GetMapping("/")
	String item(Model model, HttpServletRequest request) {
		// As the store writes its addresses without store.base-url: localhost and its own port, never the Host header.
		String storeUrl = "http://localhost:" + request.getLocalPort();
		String pageUrl = storeUrl + request.getRequestURI();
		model.addAttribute("item", ITEM);
		model.addAttribute("price", PRICE);
		model.addAttribute("maxQuantity", 1);
		model.addAttribute("paymentsEnabled", true);
		model.addAttribute("publishableKey", "pk_test_bench_placeholder");
		model.addAttribute("storeUrl", storeUrl);
		model.addAttribute("pageUrl", pageUrl);
		model.addAttribute("productJsonLd", """
				{"@context":"https://schema.org","@type":"Product","name":"%s","offers":{"@type":"Offer",\
				"price":"%s","priceCurrency":"%s","availability":"https://schema.org/InStock","url":"%s"}}"""
			.formatted(ITEM.name(), ITEM.price().toPlainString(), ITEM.currency().toUpperCase(Locale.ROOT), pageUrl));
		return "item";
	}

	private static String priceOf(Item item) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(Currency.getInstance(item.currency().toUpperCase(Locale.ROOT)));
		return format.format(item.price());
	}

}
