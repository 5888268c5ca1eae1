package com.example.downloads.download;

import java.util.HashMap;
import java.util.Map;

import com.example.downloads.Purchase;
import com.example.downloads.mail.PurchaseMailContributor;
import com.stripe.model.checkout.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The EU withdrawal waiver ({@code download.eu-withdrawal-waiver}). A consumer in the EU may
 * normally withdraw from an online purchase within 14 days; for digital content delivered at once
 * the seller needs their express consent to immediate delivery and their acknowledgement that they
 * thereby lose that right, and must confirm it to them on a durable medium. So, when it is on: the
 * item page shows an unticked box with the words of {@link #WORDING}, the checkout opens only once
 * it is ticked, the words accepted are kept in the session's and the payment's metadata at Stripe,
 * and the buyer's e-mail repeats them.
 *
 * <p>The e-mail repeats what the session records, not what this setting says now: a purchase made
 * before the waiver was switched on (or off) is described as it was made.
 */
@Component
public class WithdrawalWaiver implements WebMvcConfigurer, PurchaseMailContributor {

	/**
	 * What the buyer ticks, word for word (in messages.properties, in the store's language): on the
	 * item page, in Stripe's metadata and in the e-mail. Have a lawyer read it in each language you use.
	 */
	public static final String WORDING = "withdrawalWaiver.wording";

	/** What the checkout answers when the box was not ticked (checkout.js says the same without asking). */
	public static final String NOT_TICKED = "withdrawalWaiver.notTicked";

	static final String METADATA_KEY = "withdrawal_waiver";

	// Stripe refuses a metadata value longer than this: better to know at start-up than at the first sale.
	static final int STRIPE_MAX_VALUE_LENGTH = 500;

	private final boolean required;

	private final String wording;

	WithdrawalWaiver(DownloadProperties settings, MessageSourceAccessor messages) {
		this.required = settings.euWithdrawalWaiver();
		this.wording = checked(messages.getMessage(WORDING));
	}

	static String checked(String wording) {
		if (wording.isBlank() || wording.length() > STRIPE_MAX_VALUE_LENGTH) {
			throw new IllegalStateException(WORDING + " in messages.properties must have 1 to " + STRIPE_MAX_VALUE_LENGTH
					+ " characters, as Stripe keeps it in metadata; it has " + wording.length());
		}
		return wording;
	}

	/** Whether the buyer must tick the box before a checkout opens. */
	public boolean required() {
		return required;
	}

	/** The session's metadata with the words the buyer accepted, when the waiver is on. */
	public Map<String, String> addTo(Map<String, String> metadata) {
		if (!required) {
			return metadata;
		}
		Map<String, String> withWaiver = new HashMap<>(metadata);
		withWaiver.put(METADATA_KEY, wording);
		return withWaiver;
	}

	/** The box and its words on the item page (templates/item.ftlh), when the waiver is on. */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView page) {
				if (required && page != null && page.getModel().containsKey("item")) {
					page.addObject("withdrawalWaiver", wording);
				}
			}

		}).addPathPatterns("/");
	}

	@Override
	public String template() {
		return "download/withdrawal-waiver-mail";
	}

	/** Repeats in the e-mail, the buyer's durable copy, the words their session records them accepting. */
	@Override
	public void contribute(Purchase purchase, Session session, String storeUrl, Map<String, Object> model) {
		String accepted = session.getMetadata() == null ? null : session.getMetadata().get(METADATA_KEY);
		if (accepted != null && !accepted.isBlank()) {
			model.put("withdrawalWaiver", accepted);
		}
	}

}
