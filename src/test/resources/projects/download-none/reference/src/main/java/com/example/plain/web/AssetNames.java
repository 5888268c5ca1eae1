package com.example.plain.web;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Turns the addresses of the store's own files in pages into their content-hashed names
 * (layout.ftlh's asset macro, through spring.url), the filter behind spring.web.resources.chain.
 *
 * <p>Spring Boot would register this filter itself, from its FreeMarker configuration; registering
 * it there builds that configuration, and the layout's settings (stripe.*) with it, while the web
 * server starts, before a test has put its own Stripe address into them. Declared here, it builds
 * nothing else.
 */
@Configuration(proxyBeanMethods = false)
class AssetNames {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> filter = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
		// Error pages use the layout too.
		filter.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return filter;
	}

}
