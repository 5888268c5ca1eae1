package com.example.shop.catalog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page is the item, with its checkout. */
@Controller
class ItemController {

	private final Catalog catalog;

	private final ItemPage itemPage;

	ItemController(Catalog catalog, ItemPage itemPage) {
		this.catalog = catalog;
		this.itemPage = itemPage;
	}

	@GetMapping("/")
	String showItem(Model model) {
		return itemPage.show(catalog.firstItem(), model);
	}

}
