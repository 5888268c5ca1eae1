package com.example.downloads.download;

import com.example.downloads.checkout.PaymentState;
import com.example.downloads.checkout.Purchase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts a fresh download link on the receipt page of a paid purchase (not refunded, not disputed). Opening the receipt again
 * gives a new link, so an expired link never means a lost purchase.
 */
@Component
class ReceiptDownloadLink implements HandlerInterceptor {

	private final DownloadLinks links;

	ReceiptDownloadLink(DownloadLinks links) {
		this.links = links;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView receipt) {
		if (receipt != null && receipt.getModel().get("purchase") instanceof Purchase purchase
				&& PaymentState.PAID.name().equals(receipt.getModel().get("state"))) {
			receipt.addObject("downloadUrl", links.pathFor(purchase.paymentIntentId(), purchase.itemId()));
		}
	}

}
