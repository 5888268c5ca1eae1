package com.example.downloads.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts payment attempts per client address and for the whole store (token buckets from
 * Bucket4j), and refuses the ones over the limit before they reach Stripe.
 *
 * <p>Every request counts against its client's limit, here before the request is read. Only the
 * attempts that are about to reach Stripe count against the store's ceiling
 * ({@link #admitToStripe()}, called by the checkout once a request is valid): otherwise anyone
 * could use up the ceiling with junk that never charges a card, and lock real shoppers out.
 *
 * <p>The buckets live in this instance's memory. With several instances behind a load balancer,
 * each counts on its own; the README shows how to keep the buckets in Redis instead.
 */
@Component
public class PurchaseRateLimiter implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(PurchaseRateLimiter.class);

	// Enough for every address that tried to pay within the period; the least recently seen go
	// first, so a flood of new addresses cannot exhaust the memory.
	private static final int MAX_CLIENTS_REMEMBERED = 100_000;

	private final PurchaseLimits limits;

	private final Bucket allClients;

	private final Cache<String, Bucket> perClient;

	PurchaseRateLimiter(PurchaseLimits limits) {
		this.limits = limits;
		this.allClients = bucket(limits.allClients());
		this.perClient = Caffeine.newBuilder()
			.maximumSize(MAX_CLIENTS_REMEMBERED)
			.expireAfterAccess(limits.perClient().per())
			.build();
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String client = clientOf(request);
		ConsumptionProbe mine = perClient.get(client, key -> bucket(limits.perClient())).tryConsumeAndReturnRemaining(1);
		if (!mine.isConsumed()) {
			log.warn("Refused a payment attempt from {}: over {} attempts per {}", client,
					limits.perClient().attempts(), limits.perClient().per());
			throw new TooManyAttemptsException("Too many payment attempts from your connection. "
					+ "Please wait a few minutes and try again.", Duration.ofNanos(mine.getNanosToWaitForRefill()));
		}
		return true;
	}

	/**
	 * Counts a valid attempt against the limit for all clients together, just before it reaches
	 * Stripe; throws {@link TooManyAttemptsException} when the store is over it.
	 */
	public void admitToStripe() {
		ConsumptionProbe everyone = allClients.tryConsumeAndReturnRemaining(1);
		if (!everyone.isConsumed()) {
			log.warn("Refused a payment attempt: the store is over {} attempts per {} from all clients",
					limits.allClients().attempts(), limits.allClients().per());
			throw new TooManyAttemptsException("The store is receiving too many payment attempts right now. "
					+ "Please try again in a minute.", Duration.ofNanos(everyone.getNanosToWaitForRefill()));
		}
	}

	/**
	 * The address that counts. It is the connection's own address, unless the store is told a proxy
	 * is in front (server.forward-headers-strategy in application.yml): then Tomcat takes it from the
	 * proxy's X-Forwarded-For. IPv6 clients are counted by their /64 network, which one customer of
	 * an internet provider usually gets whole.
	 */
	static String clientOf(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		if (address == null || !address.contains(":")) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length != 16) {
				return address;
			}
			for (int i = 8; i < 16; i++) {
				bytes[i] = 0;
			}
			return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	private static Bucket bucket(PurchaseLimits.Limit limit) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.per()).build())
			.build();
	}

}
