package ${package}.download;

import java.nio.charset.StandardCharsets;

import ${package}.catalog.Catalog;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentRetrieveParams;
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
 * Serves the file behind a signed link, after asking Stripe that the payment went through, is
 * for this item and was not refunded: Stripe is the record of who bought what.
 * Range requests work (Spring answers them for a Resource), so big downloads can resume.
 */
@Controller
class DownloadController {

	private static final Logger log = LoggerFactory.getLogger(DownloadController.class);

	private final DownloadLinks links;

	private final DownloadSettings settings;

	private final Catalog catalog;

	private final StripeClient stripe;

	DownloadController(DownloadLinks links, DownloadSettings settings, Catalog catalog, StripeClient stripe) {
		this.links = links;
		this.settings = settings;
		this.catalog = catalog;
		this.stripe = stripe;
	}

	@GetMapping("/download/{token}")
	ResponseEntity<Resource> download(@PathVariable String token) throws StripeException {
		DownloadLink link = links.read(token);
		PaymentIntent intent = stripe.v1()
			.paymentIntents()
			.retrieve(link.paymentIntentId(), PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build());
		String soldItem = catalog.firstItem().id();
		if (!"succeeded".equals(intent.getStatus()) || !soldItem.equals(link.itemId())
				|| !soldItem.equals(intent.getMetadata().get("item_id"))) {
			throw new DownloadRefusedException(HttpStatus.FORBIDDEN,
					"This link does not belong to a completed purchase of this item.");
		}
		Charge charge = intent.getLatestChargeObject();
		if (charge != null && Boolean.TRUE.equals(charge.getRefunded())) {
			throw new DownloadRefusedException(HttpStatus.FORBIDDEN,
					"This purchase was refunded, so its download is closed.");
		}
		FileSystemResource file = new FileSystemResource(settings.file());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFilename(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM))
			.body(file);
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
