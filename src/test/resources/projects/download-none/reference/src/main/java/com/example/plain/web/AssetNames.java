package com.example.plain.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.utility.DeepUnwrap;

import org.springframework.boot.freemarker.autoconfigure.FreeMarkerVariablesCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The content-hashed names of the store's own files ({@code spring.web.resources.chain}), for
 * layout.ftlh's asset macro: {@code assetUrl("/css/store.css")} is {@code /css/store-1a2b3c....css},
 * which browsers may keep for a year. Each name is worked out once and kept: Spring's own way, the
 * filter behind {@code spring.url}, works every name out again on every page.
 */
@Configuration(proxyBeanMethods = false)
class AssetNames implements FreeMarkerVariablesCustomizer {

	private final ResourceUrlProvider files;

	// Paths come from the templates and the catalog, never from a request: a few entries, ever.
	private final Map<String, String> hashedNames = new ConcurrentHashMap<>();

	AssetNames(ResourceUrlProvider files) {
		this.files = files;
	}

	@Override
	public void customizeFreeMarkerVariables(Map<String, Object> variables) {
		variables.put("assetUrl", (TemplateMethodModelEx) arguments -> hashedName(
				String.valueOf(DeepUnwrap.unwrap((TemplateModel) arguments.get(0)))));
	}

	/**
	 * Keeps Spring Boot from adding that filter (Boot's documented way: a registration, disabled):
	 * nothing here asks it for a name, and it would wrap every request. Static, so that the web
	 * server, which collects filters as it starts, builds nothing else of this class's.
	 */
	@Bean
	static FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> unused = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		unused.setEnabled(false);
		return unused;
	}

	String hashedName(String path) {
		String known = hashedNames.get(path);
		if (known != null) {
			return known;
		}
		String hashed = files.getForLookupPath(path);
		if (hashed == null) {
			// Not a file of the store's (or asked before the store has started): linked as it is.
			return path;
		}
		hashedNames.put(path, hashed);
		return hashed;
	}

}
