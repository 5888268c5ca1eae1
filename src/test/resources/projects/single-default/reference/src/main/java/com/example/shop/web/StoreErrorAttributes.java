package com.example.shop.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring Boot's error handling answers, for errors that happen outside the store's own
 * handlers (an unknown address, a body too large, a missing CSRF token...). Browsers get
 * templates/error.ftlh; the checkout script gets JSON with the same {@code status} and
 * {@code detail} as the checkout's own Problem Details. Only a short message by status: never the
 * exception, the path or a stack trace.
 */
@Component
class StoreErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Object status = super.getErrorAttributes(request, ErrorAttributeOptions.defaults()).get("status");
		int code = status instanceof Integer number ? number : 500;
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("status", code);
		attributes.put("detail", messageFor(code));
		return attributes;
	}

	static String messageFor(int status) {
		return switch (status) {
			case 400 -> "The request could not be read.";
			case 403 -> "This request was refused. Reload the page and try again.";
			case 404 -> "There is nothing at this address.";
			case 405 -> "This address does not take that kind of request.";
			case 406 -> "This address answers in JSON only.";
			case 413 -> "The request is too large.";
			case 415 -> "The request has a content type this address does not take.";
			case 429 -> "Too many requests. Please wait a minute and try again.";
			default -> status >= 500 ? "Something went wrong on our side. Please try again in a moment."
					: "The request could not be handled.";
		};
	}

}
