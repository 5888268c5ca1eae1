package com.example.hostile.downloads.lostlink;

import java.util.Locale;

import com.example.hostile.downloads.ratelimit.RateLimitKey;
import com.example.hostile.downloads.ratelimit.RequestLimit;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits on "Lost your link?" ({@code lost-link.*}): per client address, and per e-mail address
 * typed in. Only the form's POST counts: it asks Stripe and sends mail, while the page itself costs
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
class LostLinkGuards {

	@Bean
	RequestLimit lostLinksPerClient(LostLinkProperties settings) {
		return new RequestLimit("/lost-link", "lost-link request", settings.requestsPerClient(), "rateLimit.lostLinks",
				request -> "POST".equals(request.getMethod()) ? RateLimitKey.client(request) : null);
	}

	// Nobody can fill a buyer's inbox from many connections.
	@Bean
	RequestLimit lostLinksPerAddress(LostLinkProperties settings) {
		return new RequestLimit("/lost-link", "lost-link request for one address", settings.requestsPerAddress(),
				"rateLimit.lostLinksForAddress", LostLinkGuards::email);
	}

	/**
	 * The e-mail address the form asks for, in lower case so that one address counts once however it
	 * is typed, or null when none is given.
	 */
	static String email(HttpServletRequest request) {
		String email = "POST".equals(request.getMethod()) ? request.getParameter("email") : null;
		return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
	}

}
