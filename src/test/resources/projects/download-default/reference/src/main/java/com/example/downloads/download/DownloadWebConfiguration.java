package com.example.downloads.download;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class DownloadWebConfiguration implements WebMvcConfigurer {

	private final ReceiptDownloadLink receiptDownloadLink;

	DownloadWebConfiguration(ReceiptDownloadLink receiptDownloadLink) {
		this.receiptDownloadLink = receiptDownloadLink;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(receiptDownloadLink).addPathPatterns("/receipt/**");
	}

}
