package com.example.hostile.downloads.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring Boot's error handling answers, for errors that happen outside the store's own
 * handlers (an unknown address, a body too large, a missing CSRF token...). Browsers get
 * templates/error.ftlh; the checkout script gets JSON with the same {@code status} and
 * {@code detail} as the checkout's own Problem Details. Only a short message by status
 * (messages.properties' error.404, error.500...): never the exception, the path or a stack trace.
 */
@Component
class StoreErrorAttributes extends DefaultErrorAttributes {

	private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 406, 413, 415, 429);

	private final MessageSourceAccessor messages;

	StoreErrorAttributes(MessageSourceAccessor messages) {
		this.messages = messages;
	}

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Object status = super.getErrorAttributes(request, ErrorAttributeOptions.defaults()).get("status");
		int code = status instanceof Integer number ? number : 500;
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("status", code);
		attributes.put("detail", messageFor(code));
		return attributes;
	}

	String messageFor(int status) {
		if (EXPLAINED.contains(status)) {
			return messages.getMessage("error." + status);
		}
		return messages.getMessage(status >= 500 ? "error.500" : "error.other");
	}

}
