package com.example.downloads.download;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.example.downloads.checkout.PaymentState;
import com.example.downloads.checkout.Purchase;
import com.example.downloads.checkout.StorePayments;
import com.example.downloads.stripe.RecentPayments;
import com.example.downloads.stripe.StripeSettings;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Serves the file behind a signed link, after asking Stripe that the payment is this store's, went
 * through, is for this item and was neither refunded (in full or in part) nor disputed: Stripe is the
 * record of who bought what. What Stripe said is reused for a few seconds ({@link RecentPayments}),
 * so a link opened in a loop cannot use up the account's rate limit.
 * Range requests work (Spring answers them for a Resource), so big downloads can resume.
 */
@Controller
class DownloadController {

	private static final Logger log = LoggerFactory.getLogger(DownloadController.class);

	private final DownloadLinks links;

	private final DownloadSettings settings;

	private final RecentPayments payments;

	private final StorePayments storePayments;

	private final StripeSettings stripeSettings;

	DownloadController(DownloadLinks links, DownloadSettings settings, RecentPayments payments,
			StorePayments storePayments, StripeSettings stripeSettings) {
		this.links = links;
		this.settings = settings;
		this.payments = payments;
		this.storePayments = storePayments;
		this.stripeSettings = stripeSettings;
	}

	@GetMapping("/download/{token}")
	ResponseEntity<Resource> download(@PathVariable String token) throws StripeException {
		DownloadLink link = links.read(token);
		if (!stripeSettings.paymentsEnabled()) {
			// Without keys nothing can be checked with Stripe, so nothing is served.
			throw new DownloadRefusedException(HttpStatus.SERVICE_UNAVAILABLE,
					"Downloads are not available just now. Please try again later.");
		}
		PaymentIntent intent = payments.find(link.paymentIntentId());
		Optional<Purchase> purchase = storePayments.purchaseOf(intent);
		if (purchase.isEmpty() || !purchase.get().itemId().equals(link.itemId())) {
			throw new DownloadRefusedException(HttpStatus.FORBIDDEN,
					"This link does not belong to a completed purchase of this item.");
		}
		PaymentState state = PaymentState.of(intent);
		if (state != PaymentState.PAID) {
			throw refusal(state);
		}
		FileSystemResource file = new FileSystemResource(settings.file());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFilename(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM))
			.body(file);
	}

	private static DownloadRefusedException refusal(PaymentState state) {
		return switch (state) {
			case REFUNDED -> new DownloadRefusedException(HttpStatus.FORBIDDEN,
					"This purchase was refunded, so its download is closed.");
			case DISPUTED -> new DownloadRefusedException(HttpStatus.FORBIDDEN,
					"This payment is disputed with the card issuer, so its download is closed.");
			// Stripe's answer did not say whether it was refunded: refuse rather than serve (fail closed).
			case UNCHECKED -> new DownloadRefusedException(HttpStatus.SERVICE_UNAVAILABLE,
					"The download could not be checked just now. Please try the same link again in a minute.");
			default -> new DownloadRefusedException(HttpStatus.FORBIDDEN,
					"This link does not belong to a completed purchase of this item.");
		};
	}

	@ExceptionHandler
	ModelAndView refused(DownloadRefusedException ex) {
		return page(ex.status(), ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView stripeUnavailable(StripeException ex) {
		log.warn("Could not check a download with Stripe: HTTP {} {}", ex.getStatusCode(), ex.getCode());
		return page(HttpStatus.SERVICE_UNAVAILABLE,
				"The download could not be checked just now. Please try the same link again in a minute.");
	}

	private static ModelAndView page(HttpStatus status, String message) {
		ModelAndView page = new ModelAndView("download-refused", status);
		page.addObject("message", message);
		return page;
	}

}
