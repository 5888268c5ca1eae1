package com.example.downloads.ratelimit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the rate limiter in front of the two endpoints that call Stripe for a shopper. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

	private final PurchaseRateLimiter limiter;

	RateLimitConfiguration(PurchaseRateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(limiter).addPathPatterns("/purchase", "/purchase/complete");
	}

}
