package com.example.downloads.download;

import com.example.downloads.Purchase;
import com.example.downloads.fulfilment.PaymentState;
import com.example.downloads.stripe.RecentSessions;
import com.stripe.model.checkout.Session;
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
 * With {@code download.max-downloads} the page also says how many downloads are left, and offers
 * no link once none are.
 */
@Configuration(proxyBeanMethods = false)
class ReceiptDownloadLink implements WebMvcConfigurer {

	private final DownloadLinks links;

	private final DownloadAllowance allowance;

	private final RecentSessions sessions;

	ReceiptDownloadLink(DownloadLinks links, DownloadAllowance allowance, RecentSessions sessions) {
		this.links = links;
		this.allowance = allowance;
		this.sessions = sessions;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView receipt) throws Exception {
				if (receipt != null && receipt.getModel().get("purchase") instanceof Purchase purchase
						&& PaymentState.PAID.name().equals(receipt.getModel().get("state"))) {
					addTheLink(purchase, receipt);
				}
			}

		}).addPathPatterns("/receipt/**");
	}

	private void addTheLink(Purchase purchase, ModelAndView receipt) throws Exception {
		if (allowance.limited()) {
			// The receipt has just read the session: this is what Stripe said a moment ago.
			Session session = sessions.find(purchase.id());
			long left = allowance.left(session);
			receipt.addObject("downloadsLeft", left);
			receipt.addObject("maxDownloads", allowance.max(session));
			if (left == 0) {
				return;
			}
		}
		receipt.addObject("downloadUrl", links.pathFor(purchase.id(), purchase.itemId()));
	}

}
