package com.example.downloads.licence;

import java.util.Map;

import com.example.downloads.Purchase;
import com.example.downloads.download.DownloadSettings;
import com.example.downloads.fulfilment.PaymentState;
import com.example.downloads.mail.PurchaseMailContributor;
import com.stripe.model.checkout.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives the buyer their licence key, with download.licence-keys on: on the receipt page of a paid
 * purchase (not refunded, not disputed) and in the e-mails about it ({@code licenceKey} in the
 * templates' model). The key is derived again each time, so nothing is stored.
 */
@Component
class LicenceKeyDelivery implements WebMvcConfigurer, PurchaseMailContributor {

	private final LicenceKeys keys;

	private final DownloadSettings settings;

	LicenceKeyDelivery(LicenceKeys keys, DownloadSettings settings) {
		this.keys = keys;
		this.settings = settings;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView receipt) {
				if (settings.licenceKeys() && receipt != null
						&& receipt.getModel().get("purchase") instanceof Purchase purchase
						&& PaymentState.PAID.name().equals(receipt.getModel().get("state"))) {
					receipt.addObject("licenceKey", keys.keyFor(purchase.id()));
				}
			}

		}).addPathPatterns("/receipt/**");
	}

	@Override
	public void contribute(Purchase purchase, Session session, String storeUrl, Map<String, Object> model) {
		if (settings.licenceKeys()) {
			model.put("licenceKey", keys.keyFor(purchase.id()));
		}
	}

}
