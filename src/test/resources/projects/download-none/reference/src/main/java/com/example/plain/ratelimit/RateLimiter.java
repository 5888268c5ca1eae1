package com.example.plain.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts what visitors make the store ask Stripe, in {@link Buckets}, and refuses what is over the
 * limit with 429 and a Retry-After before it reaches Stripe.
 *
 * <p>Every request to {@code /checkout} and {@code /receipt/...} counts against its client's
 * limit, before the request is read, and so do the requests a feature limits ({@link RequestLimit}).
 * Only the checkouts about to reach Stripe count against the store's ceiling
 * ({@link #admitToStripe()}, called by the checkout once a request is valid): otherwise anyone could
 * use up the ceiling with junk, and lock real shoppers out.
 */
@Component
public class RateLimiter implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	private final RateLimits limits;

	private final MessageSourceAccessor messages;

	private final List<RequestLimit> featureLimits;

	private final Buckets buckets;

	RateLimiter(RateLimits limits, MessageSourceAccessor messages, List<RequestLimit> featureLimits, Buckets buckets) {
		this.limits = limits;
		this.messages = messages;
		this.featureLimits = featureLimits;
		this.buckets = buckets;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PerClient("checkout", limits.checkoutPerClient(),
				messages.getMessage("rateLimit.checkouts"), RateLimitKey::client))
			.addPathPatterns("/checkout");
		registry.addInterceptor(new PerClient("receipt", limits.receiptsPerClient(),
				messages.getMessage("rateLimit.requests"), RateLimitKey::client))
			.addPathPatterns("/receipt/**");
		for (RequestLimit limit : featureLimits) {
			registry.addInterceptor(new PerClient(limit.what(), limit.limit(), messages.getMessage(limit.messageCode()),
					limit.keyOf()))
				.addPathPatterns(limit.path());
		}
	}

	/**
	 * Counts a valid checkout against the limit for all clients together, just before it reaches
	 * Stripe; throws (429) when the store is over it.
	 */
	public void admitToStripe() {
		ConsumptionProbe everyone = buckets.tryConsume("checkout-all-clients", "everyone", limits.checkoutAllClients());
		if (!everyone.isConsumed()) {
			log.warn("Refused a checkout: the store is over {} per {} from all clients",
					limits.checkoutAllClients().attempts(), limits.checkoutAllClients().per());
			throw tooMany(messages.getMessage("rateLimit.store"), everyone);
		}
	}

	private static ErrorResponseException tooMany(String messageForTheShopper, ConsumptionProbe probe) {
		ErrorResponseException refusal = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
				ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, messageForTheShopper), null);
		long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
		refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return refusal;
	}

	/**
	 * A limit on the paths it guards, per client (or per whatever {@code keyOf} reads from the
	 * request); a request it finds no key in is not counted.
	 */
	private final class PerClient implements HandlerInterceptor {

		private final String what;

		private final RateLimits.Limit limit;

		private final String message;

		private final Function<HttpServletRequest, String> keyOf;

		PerClient(String what, RateLimits.Limit limit, String message, Function<HttpServletRequest, String> keyOf) {
			this.what = what;
			this.limit = limit;
			this.message = message;
			this.keyOf = keyOf;
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String counted = keyOf.apply(request);
			if (counted == null) {
				return true;
			}
			ConsumptionProbe probe = buckets.tryConsume(what.replace(' ', '-'), counted, limit);
			if (!probe.isConsumed()) {
				// The connection's address, never what was counted: that can be personal (an address typed in).
				log.warn("Refused a {} from {}: over {} per {}", what, RateLimitKey.client(request), limit.attempts(),
						limit.per());
				throw tooMany(message, probe);
			}
			return true;
		}

	}

}
