package com.example.plain.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.example.plain.Purchase;
import com.example.plain.fulfilment.PaymentState;
import com.example.plain.fulfilment.PurchaseMetadata;
import com.example.plain.stripe.SessionCache;
import com.example.plain.stripe.StripeFailure;
import com.example.plain.stripe.StripeProperties;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.ModelAndView;

import static com.example.plain.site.StoreLanguage.refusal;

/**
 * Serves the file behind a signed link, after asking Stripe that the purchase is this store's, was
 * paid, is for this item and was neither refunded (in full or in part) nor disputed: Stripe is the
 * record of who bought what. What Stripe said is reused for a few seconds ({@link SessionCache}),
 * so a link opened in a loop cannot use up the account's rate limit.
 * Range requests work (Spring answers them for a Resource), so big downloads can resume; a
 * {@link DownloadLimit}, when the store has one, counts what they send.
 */
@Controller
class DownloadController {

	private static final Logger log = LoggerFactory.getLogger(DownloadController.class);

	// What the refused page says: codes in messages.properties.
	static final String NOT_A_PURCHASE = "download.notAPurchase";

	static final String CHECK_LATER = "download.checkLater";

	private final DownloadLinks links;

	private final DownloadProperties settings;

	private final SessionCache sessions;

	private final PurchaseMetadata purchaseMetadata;

	private final StripeProperties stripeSettings;

	private final Optional<DownloadLimit> limit;

	private final MessageSourceAccessor messages;

	DownloadController(DownloadLinks links, DownloadProperties settings, SessionCache sessions,
			PurchaseMetadata purchaseMetadata, StripeProperties stripeSettings, Optional<DownloadLimit> limit,
			MessageSourceAccessor messages) {
		this.links = links;
		this.settings = settings;
		this.sessions = sessions;
		this.purchaseMetadata = purchaseMetadata;
		this.stripeSettings = stripeSettings;
		this.limit = limit;
		this.messages = messages;
	}

	@GetMapping("/download/{token}")
	ResponseEntity<Resource> download(@PathVariable String token, @RequestHeader HttpHeaders request,
			HttpMethod method) throws StripeException, IOException {
		DownloadLink link = links.read(token)
			.orElseThrow(() -> refusal(HttpStatus.FORBIDDEN, "download.invalidLink"));
		if (link.expired()) {
			throw refusal(HttpStatus.GONE, "download.expired");
		}
		if (!stripeSettings.paymentsEnabled()) {
			// Without keys nothing can be checked with Stripe, so nothing is served.
			throw refusal(HttpStatus.SERVICE_UNAVAILABLE, "download.unavailable");
		}
		Session session = sessions.find(link.sessionId());
		Optional<Purchase> purchase = purchaseMetadata.purchaseOf(session);
		if (purchase.isEmpty() || !purchase.get().itemId().equals(link.itemId())) {
			throw refusal(HttpStatus.FORBIDDEN, NOT_A_PURCHASE);
		}
		switch (PaymentState.of(session)) {
			case PAID -> {
				return file(session, request, method);
			}
			case REFUNDED -> throw refusal(HttpStatus.FORBIDDEN, "download.refunded");
			case DISPUTED -> throw refusal(HttpStatus.FORBIDDEN, "download.disputed");
			// Stripe's answer did not say whether it was refunded: refuse rather than serve (fail closed).
			case UNCHECKED -> throw refusal(HttpStatus.SERVICE_UNAVAILABLE, CHECK_LATER);
			default -> throw refusal(HttpStatus.FORBIDDEN, NOT_A_PURCHASE);
		}
	}

	/**
	 * The file, or the ranges asked for (Spring answers the Range header), as the download limit
	 * serves it when the store has one.
	 */
	private ResponseEntity<Resource> file(Session session, HttpHeaders request, HttpMethod method) throws IOException {
		FileSystemResource file = new FileSystemResource(settings.file());
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFilename(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM));
		if (HttpMethod.HEAD.equals(method)) {
			// The headers only: nothing is sent, nothing is counted.
			return answer.contentLength(file.contentLength()).build();
		}
		return answer.body(limit.isPresent() ? limit.get().serve(session, settings.file(), request) : file);
	}

	/** A refused download gets a page saying why and what to do, not the file. */
	@ExceptionHandler
	ModelAndView refused(ErrorResponseException ex) {
		ModelAndView page = new ModelAndView("download-refused", ex.getStatusCode());
		page.addObject("message", messages.getMessage(ex.getDetailMessageCode(), ex.getDetailMessageArguments()));
		return page;
	}

	@ExceptionHandler
	ModelAndView stripeUnavailable(StripeException ex) {
		if (StripeFailure.notFound(ex)) {
			return refused(refusal(HttpStatus.FORBIDDEN, NOT_A_PURCHASE));
		}
		log.warn("Could not check a download with Stripe: HTTP {} {}", ex.getStatusCode(), ex.getCode());
		return refused(refusal(HttpStatus.SERVICE_UNAVAILABLE, CHECK_LATER));
	}

}
