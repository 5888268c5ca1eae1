package com.example.plain.site;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.example.plain.catalog.Item;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The item page's schema.org Product and Offer, as JSON-LD ({@code productJsonLd}), so that search
 * engines show the name, price and availability. Written by Jackson, with {@code <}, {@code >} and
 * {@code &} escaped, so that no item name can end the script element it sits in.
 */
@Configuration(proxyBeanMethods = false)
class ProductData implements WebMvcConfigurer {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final StoreAddress address;

	ProductData(StoreAddress address) {
		this.address = address;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView page) {
				if (page != null && page.getModel().get("item") instanceof Item item) {
					page.addObject("productJsonLd", jsonLd(item, address.pageOf(request)));
				}
			}

		});
	}

	String jsonLd(Item item, String url) {
		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("@type", "Offer");
		offer.put("price", item.price().toPlainString());
		offer.put("priceCurrency", item.currency().toUpperCase(Locale.ROOT));
		offer.put("availability", "https://schema.org/InStock");
		offer.put("url", url);
		Map<String, Object> product = new LinkedHashMap<>();
		product.put("@context", "https://schema.org");
		product.put("@type", "Product");
		product.put("name", item.name());
		if (!item.description().isBlank()) {
			product.put("description", item.description());
		}
		if (item.image() != null) {
			product.put("image", item.image().startsWith("/") ? address.baseUrl() + item.image() : item.image());
		}
		product.put("offers", offer);
		// Inside strings only, so the JSON means the same; outside, "</script>" can no longer close the element.
		return json.writeValueAsString(product).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

}
