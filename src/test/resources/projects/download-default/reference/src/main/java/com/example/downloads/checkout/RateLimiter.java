package com.example.downloads.checkout;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
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
 * Counts what visitors make the store ask Stripe (token buckets from Bucket4j), and refuses what is
 * over the limit with 429 and a Retry-After before it reaches Stripe.
 *
 * <p>Every request to {@code /checkout} and {@code /receipt/...} counts against its client's
 * limit, before the request is read. Only the checkouts about to reach Stripe count against the
 * store's ceiling ({@link #admitToStripe()}, called by the checkout once a request is valid):
 * otherwise anyone could use up the ceiling with junk, and lock real shoppers out.
 *
 * <p>The buckets live in this instance's memory. With several instances behind a load balancer,
 * each counts on its own; a store generated with {@code -DsharedState=redis} keeps them in Redis.
 */
@Component
class RateLimiter implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	// Enough for every address seen within the period; the least recently seen go first, so a
	// flood of new addresses cannot exhaust the memory.
	private static final int MAX_CLIENTS_REMEMBERED = 100_000;

	private final RateLimits limits;

	private final MessageSourceAccessor messages;

	private final Bucket allClients;

	private final Cache<String, Bucket> checkouts;

	private final Cache<String, Bucket> receipts;

	private final List<RequestLimit> featureLimits;

	RateLimiter(RateLimits limits, MessageSourceAccessor messages, List<RequestLimit> featureLimits) {
		this.limits = limits;
		this.messages = messages;
		this.allClients = bucket(limits.checkoutAllClients());
		this.checkouts = perClient(limits.checkoutPerClient());
		this.receipts = perClient(limits.receiptsPerClient());
		this.featureLimits = featureLimits;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PerClient("checkout", checkouts, limits.checkoutPerClient(),
				messages.getMessage("rateLimit.checkouts")))
			.addPathPatterns("/checkout");
		registry.addInterceptor(new PerClient("receipt", receipts, limits.receiptsPerClient(),
				messages.getMessage("rateLimit.requests")))
			.addPathPatterns("/receipt/**");
		for (RequestLimit limit : featureLimits) {
			registry.addInterceptor(new PerClient(limit.what(), perClient(limit.limit()), limit.limit(),
					messages.getMessage(limit.messageCode()), limit.keyOf()))
				.addPathPatterns(limit.path());
		}
	}

	/**
	 * Counts a valid checkout against the limit for all clients together, just before it reaches
	 * Stripe; throws (429) when the store is over it.
	 */
	void admitToStripe() {
		ConsumptionProbe everyone = allClients.tryConsumeAndReturnRemaining(1);
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

	private static Cache<String, Bucket> perClient(RateLimits.Limit limit) {
		return Caffeine.newBuilder().maximumSize(MAX_CLIENTS_REMEMBERED).expireAfterAccess(limit.per()).build();
	}

	private static Bucket bucket(RateLimits.Limit limit) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.per()).build())
			.build();
	}

	/**
	 * A bucket per client (or per whatever {@code keyOf} reads from the request) for the paths it
	 * guards; a request it finds no key in is not counted.
	 */
	private record PerClient(String what, Cache<String, Bucket> buckets, RateLimits.Limit limit, String message,
			Function<HttpServletRequest, String> keyOf) implements HandlerInterceptor {

		PerClient(String what, Cache<String, Bucket> buckets, RateLimits.Limit limit, String message) {
			this(what, buckets, limit, message, RateLimitKey::client);
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String counted = keyOf.apply(request);
			if (counted == null) {
				return true;
			}
			ConsumptionProbe probe = buckets.get(counted, key -> bucket(limit)).tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				// The connection's address, never what was counted: that can be a buyer's e-mail.
				log.warn("Refused a {} from {}: over {} per {}", what, RateLimitKey.client(request), limit.attempts(),
						limit.per());
				throw tooMany(message, probe);
			}
			return true;
		}

	}

}
