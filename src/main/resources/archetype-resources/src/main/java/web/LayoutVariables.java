package ${package}.web;

import java.util.Map;

import ${package}.catalog.Catalog;

import org.springframework.boot.freemarker.autoconfigure.FreeMarkerVariablesCustomizer;
import org.springframework.stereotype.Component;

/**
 * What layout.ftlh shows on every page, error pages included: set once as FreeMarker shared
 * variables rather than added to the model of every request.
 */
@Component
class LayoutVariables implements FreeMarkerVariablesCustomizer {

	private final Catalog catalog;

	LayoutVariables(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void customizeFreeMarkerVariables(Map<String, Object> variables) {
		variables.put("storeName", catalog.name());
	}

}
