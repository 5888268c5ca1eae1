package com.example.hostile.downloads.lostlink;

import com.example.hostile.downloads.web.FooterLink;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts "Lost your download link?" in every page's footer (layout.ftlh), when the store can send
 * e-mail: under the same condition as Spring Boot's mail sender.
 */
@Configuration(proxyBeanMethods = false)
class LostLinkFooter {

	@Bean
	@ConditionalOnProperty("spring.mail.host")
	FooterLink lostLinkInTheFooter() {
		return new FooterLink("/lost-link", "layout.footer.lostLink");
	}

}
