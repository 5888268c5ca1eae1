package com.example.plain.catalog;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page is the item, with its checkout. */
@Controller
class ItemController implements CatalogPages {

	private final Catalog catalog;

	private final ItemPage itemPage;

	ItemController(Catalog catalog, ItemPage itemPage) {
		this.catalog = catalog;
		this.itemPage = itemPage;
	}

	@GetMapping("/")
	String showItem(HttpServletRequest request, Model model) {
		return itemPage.show(catalog.firstItem(), "/", request, model);
	}

	/** For the sitemap: the one page, the item's. */
	@Override
	public List<String> paths() {
		return List.of("/");
	}

}
