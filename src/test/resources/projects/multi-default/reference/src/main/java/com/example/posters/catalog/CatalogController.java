package com.example.posters.catalog;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The catalog at {@code /}, and each item with its payment form at {@code /items/{id}}. */
@Controller
class CatalogController implements CatalogPages {

	private final Catalog catalog;

	private final ItemPage itemPage;

	CatalogController(Catalog catalog, ItemPage itemPage) {
		this.catalog = catalog;
		this.itemPage = itemPage;
	}

	@GetMapping("/")
	String showCatalog(Model model) {
		model.addAttribute("items", catalog.items());
		model.addAttribute("prices", itemPage.prices());
		return "catalog";
	}

	@GetMapping("/items/{id}")
	String showItem(@PathVariable String id, HttpServletRequest request, Model model) {
		Item item = catalog.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		// The way back to the other items.
		model.addAttribute("catalogPage", "/");
		// The item's own path, not the one requested, which may spell it differently.
		return itemPage.show(item, "/items/" + item.id(), request, model);
	}

	/** For the sitemap: the catalog, then each item. */
	@Override
	public List<String> paths() {
		List<String> paths = new ArrayList<>(List.of("/"));
		catalog.items().forEach(item -> paths.add("/items/" + item.id()));
		return paths;
	}

}
