package ${package}.licence;

import ${package}.checkout.RateLimiter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What guards {@code POST /licences/verify}: a limit per client address
 * ({@code licence-keys.checks-per-client}), as each check can ask Stripe, and no CSRF token, as apps
 * call it without a browser and the check changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class LicenceCheckGuards implements WebMvcConfigurer {

	private final RateLimiter rateLimiter;

	private final LicenceKeysProperties settings;

	private final MessageSourceAccessor messages;

	LicenceCheckGuards(RateLimiter rateLimiter, LicenceKeysProperties settings, MessageSourceAccessor messages) {
		this.rateLimiter = rateLimiter;
		this.settings = settings;
		this.messages = messages;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(rateLimiter.perClient("licence check", settings.checksPerClient(),
				messages.getMessage("rateLimit.licenceChecks")))
			.addPathPatterns("/licences/verify");
	}

	// Spring Security applies every such bean to the store's one filter chain (web/SecurityConfiguration).
	@Bean
	static Customizer<HttpSecurity> licenceChecksNeedNoCsrfToken() {
		return http -> http.csrf(csrf -> csrf.ignoringRequestMatchers("/licences/verify"));
	}

}
