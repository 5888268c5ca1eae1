package com.example.hostile.downloads.demo;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The demo's notice on every page, and its page of purchases to refund. */
@TestConfiguration(proxyBeanMethods = false)
@Import(DemoPurchasesController.class)
class DemoPages {

	@Bean
	DemoPage purchasesPage() {
		return new DemoPage(DemoPurchasesController.PATH, "Purchases and refunds");
	}

	// Error pages too: they are rendered in an error dispatch of their own.
	@Bean
	FilterRegistrationBean<DemoNotice> demoNotice(List<DemoPage> pages) {
		FilterRegistrationBean<DemoNotice> registration = new FilterRegistrationBean<>(new DemoNotice(pages));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

}
