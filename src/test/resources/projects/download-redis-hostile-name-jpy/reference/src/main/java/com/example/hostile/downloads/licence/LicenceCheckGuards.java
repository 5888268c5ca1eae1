package com.example.hostile.downloads.licence;

import com.example.hostile.downloads.ratelimit.RequestLimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * What guards {@code POST /licences/verify}: a limit per client address
 * ({@code licence-keys.checks-per-client}), as each check can ask Stripe, and no CSRF token, as apps
 * call it without a browser and the check changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class LicenceCheckGuards {

	@Bean
	RequestLimit licenceChecksPerClient(LicenceKeysProperties settings) {
		return new RequestLimit("/licences/verify", "licence check", settings.checksPerClient(),
				"rateLimit.licenceChecks");
	}

	// Spring Security applies every such bean to the store's one filter chain (web/SecurityConfiguration).
	@Bean
	static Customizer<HttpSecurity> licenceChecksNeedNoCsrfToken() {
		return http -> http.csrf(csrf -> csrf.ignoringRequestMatchers("/licences/verify"));
	}

}
