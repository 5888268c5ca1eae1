package com.example.plain.stripe;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * stripe-java's own HTTP client, which also says in the log why a call to Stripe failed, in words
 * that tell the seller what to change. stripe-java's exceptions leave that out: a connection that
 * failed reports "HTTP 0" and names api.stripe.com whatever {@code stripe.api-base} says, and the
 * missing permission of a restricted key is only in Stripe's message, which the store does not
 * log (it is written for developers and can echo request details). One line per call, after
 * stripe-java's tries; the code that made the call logs what it did about the failure.
 */
class ExplainingHttpClient extends HttpURLConnectionClient {

	private static final Logger log = LoggerFactory.getLogger(ExplainingHttpClient.class);

	/** How Stripe names a restricted key's permission in its error: 'rak_checkout_session_write'. */
	private static final Pattern PERMISSION = Pattern.compile("rak_[a-z0-9_]+");

	private final Duration connectTimeout;

	private final Duration readTimeout;

	ExplainingHttpClient(Duration connectTimeout, Duration readTimeout) {
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
	}

	@Override
	public StripeResponse requestWithRetries(StripeRequest request) throws StripeException {
		StripeResponse response;
		try {
			response = super.requestWithRetries(request);
		}
		catch (ApiConnectionException ex) {
			log.warn("Stripe unreachable: {} ({} {}). Check stripe.api-base and that this machine can reach it.",
					cause(ex, request.url()), request.method(), request.url().getPath());
			throw ex;
		}
		if (response.code() == 401 || response.code() == 403) {
			explainRefusedKey(request, response);
		}
		return response;
	}

	/**
	 * Stripe refused the key in STRIPE_SECRET_KEY. A restricted key (rk_) without a permission the
	 * call needs gets a 403 whose message names that permission; README, "Restricted keys", lists
	 * every permission the store needs.
	 */
	private void explainRefusedKey(StripeRequest request, StripeResponse response) {
		Matcher permission = PERMISSION.matcher(response.body() == null ? "" : response.body());
		if (response.code() == 403 && permission.find()) {
			log.error("Stripe refused {} {}: the restricted key in STRIPE_SECRET_KEY lacks the permission {}. "
					+ "Give the key that permission in Stripe's Dashboard (Developers, API keys); "
					+ "README, \"Restricted keys\", lists every permission the store needs.", request.method(),
					request.url().getPath(), permission.group());
		}
		else {
			log.error("Stripe refused {} {} with HTTP {}: check the key in STRIPE_SECRET_KEY (rolled, deleted, "
					+ "or a restricted key without the permissions README, \"Restricted keys\", lists).",
					request.method(), request.url().getPath(), response.code());
		}
	}

	/** What went wrong with the connection, and where: "connection refused by 127.0.0.1:443". */
	private String cause(ApiConnectionException ex, URL url) {
		String address = url.getHost() + ":" + (url.getPort() == -1 ? url.getDefaultPort() : url.getPort());
		Throwable cause = ex.getCause();
		if (cause instanceof ConnectException && String.valueOf(cause.getMessage()).contains("refused")) {
			return "connection refused by " + address;
		}
		if (cause instanceof SocketTimeoutException && String.valueOf(cause.getMessage()).toLowerCase().contains("connect")) {
			return "connecting to " + address + " timed out after " + connectTimeout.toMillis()
					+ " ms (stripe.connect-timeout)";
		}
		if (cause instanceof SocketTimeoutException) {
			return "no answer from " + address + ", timed out after " + readTimeout.toMillis()
					+ " ms (stripe.read-timeout)";
		}
		if (cause instanceof UnknownHostException) {
			return "unknown host " + url.getHost();
		}
		return (cause == null ? ex.getClass().getSimpleName() : cause.getClass().getSimpleName() + " " + cause.getMessage())
				+ " with " + address;
	}

}
