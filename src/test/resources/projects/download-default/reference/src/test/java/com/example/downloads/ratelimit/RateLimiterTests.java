package com.example.downloads.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.example.downloads.Messages;
import com.example.downloads.QuietOutputCaptureExtension;
import com.example.downloads.ratelimit.RateLimits.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.handler.MappedInterceptor;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The limiter on its own: which requests count against which budget, and who counts as one client. */
@ExtendWith(QuietOutputCaptureExtension.class)
class RateLimiterTests {

	final RateLimiter limiter = new RateLimiter(new RateLimits(new Limit(3, Duration.ofMinutes(10)),
			new Limit(5, Duration.ofMinutes(1)), new Limit(4, Duration.ofMinutes(10))),
			Messages.in(Locale.US), List.of(new RequestLimit("/feature", "feature request", new Limit(2, Duration.ofHours(1)),
					"rateLimit.requests", request -> request.getParameter("who"))),
			new BucketsInMemory());

	// The interceptors the limiter adds to Spring MVC, each mapped to the paths it guards.
	final List<MappedInterceptor> interceptors = new Registry(limiter).interceptors();

	/** Runs the request through the interceptors mapped to its path, as Spring MVC does. */
	boolean request(String path, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest(path.equals("/checkout") ? "POST" : "GET", path);
		request.setRemoteAddr(address);
		ServletRequestPathUtils.parseAndCache(request);
		for (MappedInterceptor interceptor : interceptors) {
			if (interceptor.matches(request) && !preHandle(interceptor, request)) {
				return false;
			}
		}
		return true;
	}

	static boolean preHandle(MappedInterceptor interceptor, MockHttpServletRequest request) {
		try {
			return interceptor.preHandle(request, new MockHttpServletResponse(), new Object());
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	boolean checkoutFrom(String address) {
		return request("/checkout", address);
	}

	@Test
	void oneAddressGetsItsCheckoutsThenWaitsForTheBucketToRefill() {
		for (int i = 0; i < 3; i++) {
			assertThat(checkoutFrom("203.0.113.1")).isTrue();
		}

		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> checkoutFrom("203.0.113.1"))
			.satisfies(ex -> assertThat(ex.getStatusCode().value()).isEqualTo(429))
			.satisfies(ex -> assertThat(ex.getBody().getDetail()).contains("Too many checkouts from your connection"))
			// Ten minutes for three: the next one comes back after about a third of that.
			.satisfies(ex -> assertThat(Long.parseLong(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
				.isBetween(Duration.ofMinutes(3).toSeconds(), Duration.ofMinutes(4).toSeconds()));
	}

	@Test
	void anotherAddressHasItsOwnBudget() {
		for (int i = 0; i < 3; i++) {
			checkoutFrom("203.0.113.2");
		}

		assertThat(checkoutFrom("203.0.113.3")).isTrue();
	}

	@Test
	void receiptsHaveABudgetOfTheirOwn() {
		for (int i = 0; i < 3; i++) {
			checkoutFrom("203.0.113.4");
		}

		for (int i = 0; i < 4; i++) {
			assertThat(request("/receipt/cs_test_" + i, "203.0.113.4")).isTrue();
		}
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> request("/receipt/cs_test_5", "203.0.113.4"))
			.satisfies(ex -> assertThat(ex.getBody().getDetail()).contains("Too many requests from your connection"));
		// Nothing else is limited: the item page, the CSRF token, the webhook.
		assertThat(request("/", "203.0.113.4")).isTrue();
		assertThat(request("/csrf-token", "203.0.113.4")).isTrue();
		assertThat(request("/stripe/webhook", "203.0.113.4")).isTrue();
	}

	@Test
	void theWholeStoreHasACeilingWhateverTheAddresses() {
		for (int i = 1; i <= 5; i++) {
			assertThat(checkoutFrom("198.51.100." + i)).isTrue();
			limiter.admitToStripe();
		}

		assertThat(checkoutFrom("198.51.100.6")).isTrue();
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(limiter::admitToStripe)
			.satisfies(ex -> assertThat(ex.getBody().getDetail()).contains("too many payment attempts right now"))
			.satisfies(ex -> assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*"));
	}

	@Test
	void onlyCheckoutsThatReachStripeCountAgainstTheStoresCeiling() {
		// Each address's own checkouts are counted as they arrive, valid or not...
		for (int i = 1; i <= 50; i++) {
			assertThat(checkoutFrom("198.51.100." + i)).isTrue();
		}

		// ...but the store's ceiling only by the ones about to reach Stripe.
		for (int i = 0; i < 5; i++) {
			limiter.admitToStripe();
		}
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(limiter::admitToStripe);
	}

	@Test
	void ipv6AddressesCountByTheirSlash64Network() {
		for (int i = 1; i <= 3; i++) {
			checkoutFrom("2001:db8:1:2::" + i);
		}

		// One customer of an internet provider gets a whole /64: new addresses in it do not help.
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> checkoutFrom("2001:db8:1:2:ffff::9"));
		assertThat(checkoutFrom("2001:db8:1:3::1")).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "203.0.113.7, 203.0.113.7", "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:0:0:0:0/64",
			"2001:0db8:0001:0002::9, 2001:db8:1:2:0:0:0:0/64", "::1, 0:0:0:0:0:0:0:0/64",
			"0:0:0:0:0:0:0:1, 0:0:0:0:0:0:0:0/64" })
	void theClientIsTheAddressOrItsSlash64Network(String address, String client) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);

		assertThat(RateLimitKey.client(request)).isEqualTo(client);
	}

	/** Spring MVC's registry, opened up to read back what the limiter registered. */
	static final class Registry extends InterceptorRegistry {

		Registry(RateLimiter limiter) {
			limiter.addInterceptors(this);
		}

		List<MappedInterceptor> interceptors() {
			return getInterceptors().stream().map(MappedInterceptor.class::cast).toList();
		}

	}

	/** The rate-limits.* settings, as a seller writes them, reach the limits the limiter is made with. */
	@Test
	void theSettingsBindToTheLimits() {
		new ApplicationContextRunner().withUserConfiguration(RateLimitsOnly.class)
			.withPropertyValues("rate-limits.checkout-per-client.attempts=3", "rate-limits.checkout-per-client.per=10m",
					"rate-limits.checkout-all-clients.attempts=5", "rate-limits.checkout-all-clients.per=1h",
					"rate-limits.receipts-per-client.attempts=4")
			.run(context -> assertThat(context.getBean(RateLimits.class)).isEqualTo(new RateLimits(
					new Limit(3, Duration.ofMinutes(10)), new Limit(5, Duration.ofHours(1)),
					new Limit(4, Duration.ofMinutes(10)))));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RateLimits.class)
	static class RateLimitsOnly {

	}

	@Test
	void aLimitGivenWithItsAttemptsAloneKeepsTheDefaultPeriod() {
		assertThat(Limit.or(new Limit(50, null), 10, Duration.ofMinutes(10))).isEqualTo(new Limit(50, Duration.ofMinutes(10)));
		assertThat(Limit.or(null, 10, Duration.ofMinutes(10))).isEqualTo(new Limit(10, Duration.ofMinutes(10)));
		assertThat(Limit.or(new Limit(50, Duration.ofHours(1)), 10, Duration.ofMinutes(10)))
			.isEqualTo(new Limit(50, Duration.ofHours(1)));
	}

	@Test
	void aFeaturesOwnLimitCountsWhatItsKeyReadsOnItsPathAlone() {
		assertThat(featureRequest("a", "203.0.113.30")).isTrue();
		assertThat(featureRequest("a", "203.0.113.31")).isTrue();

		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> featureRequest("a", "203.0.113.32"))
			.satisfies(ex -> assertThat(ex.getBody().getDetail()).contains("Too many requests from your connection"));
		assertThat(featureRequest("b", "203.0.113.32")).isTrue();
		for (int i = 0; i < 3; i++) {
			assertThat(featureRequest(null, "203.0.113.32")).as("a request its key finds nothing in").isTrue();
		}
		assertThat(request("/receipt/cs_test_feature", "203.0.113.32")).isTrue();
	}

	boolean featureRequest(String who, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feature");
		request.setRemoteAddr(address);
		if (who != null) {
			request.setParameter("who", who);
		}
		ServletRequestPathUtils.parseAndCache(request);
		for (MappedInterceptor interceptor : interceptors) {
			if (interceptor.matches(request) && !preHandle(interceptor, request)) {
				return false;
			}
		}
		return true;
	}

}
