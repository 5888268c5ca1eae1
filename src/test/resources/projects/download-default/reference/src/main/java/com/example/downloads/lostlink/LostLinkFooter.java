package com.example.downloads.lostlink;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.freemarker.autoconfigure.FreeMarkerVariablesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts "Lost your download link?" in every page's footer (layout.ftlh), when the store can send
 * e-mail: under the same condition as Spring Boot's mail sender.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class LostLinkFooter implements FreeMarkerVariablesCustomizer {

	@Override
	public void customizeFreeMarkerVariables(Map<String, Object> variables) {
		variables.put("lostLinkPath", "/lost-link");
	}

}
