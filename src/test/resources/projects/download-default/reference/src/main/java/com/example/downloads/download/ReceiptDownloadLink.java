package com.example.downloads.download;

import com.example.downloads.Purchase;
import com.example.downloads.fulfilment.PaymentState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts a fresh download link on the receipt page of a paid purchase (not refunded, not disputed).
 * Opening the receipt again gives a new link, so an expired link never means a lost purchase.
 */
@Configuration(proxyBeanMethods = false)
class ReceiptDownloadLink implements WebMvcConfigurer {

	private final DownloadLinks links;

	ReceiptDownloadLink(DownloadLinks links) {
		this.links = links;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView receipt) {
				if (receipt != null && receipt.getModel().get("purchase") instanceof Purchase purchase
						&& PaymentState.PAID.name().equals(receipt.getModel().get("state"))) {
					receipt.addObject("downloadUrl", links.pathFor(purchase.id(), purchase.itemId()));
				}
			}

		}).addPathPatterns("/receipt/**");
	}

}
