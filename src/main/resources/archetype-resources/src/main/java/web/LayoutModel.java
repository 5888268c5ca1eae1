package ${package}.web;

import ${package}.catalog.Catalog;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What layout.ftlh shows on every page, error pages included. */
@ControllerAdvice
class LayoutModel {

	private final Catalog catalog;

	LayoutModel(Catalog catalog) {
		this.catalog = catalog;
	}

	@ModelAttribute("storeName")
	String storeName() {
		return catalog.name();
	}

}
