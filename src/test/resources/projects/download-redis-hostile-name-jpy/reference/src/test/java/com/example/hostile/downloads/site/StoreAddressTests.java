package com.example.hostile.downloads.site;

import java.net.URI;
import java.time.Duration;

import com.example.hostile.downloads.QuietOutputCaptureExtension;
import com.example.hostile.downloads.StoreApplication;
import com.example.hostile.downloads.stripe.StripeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** store.base-url is checked at start-up: a wrong or missing one would send every buyer to the wrong place. */
@ExtendWith(QuietOutputCaptureExtension.class)
class StoreAddressTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://shop.example.com", "https://shop.example.com/", "http://localhost:8080/" })
	void aWebAddressIsTakenWithoutItsTrailingSlash(String baseUrl) {
		URI taken = new StoreAddressProperties(URI.create(baseUrl)).baseUrl();

		assertThat(taken).hasToString(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
	}

	@ParameterizedTest
	@ValueSource(strings = { "shop.example.com", "ftp://shop.example.com", "https://shop.example.com/?a=b",
			"https://shop.example.com/#top", "https://user@shop.example.com", "mailto:shop@example.com" })
	void anythingElseStopsTheStoreWithWhatItShouldBe(String baseUrl) {
		assertThatIllegalArgumentException().isThrownBy(() -> new StoreAddressProperties(URI.create(baseUrl)))
			.withMessageStartingWith("store.base-url must be the store's address, such as https://shop.example.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sk_live_", "rk_live_" })
	void liveKeysWithoutABaseUrlStopTheStoreNamingTheSetting(String secretKeyPrefix, CapturedOutput output) {
		// Not keys: only their prefixes are real. Links on localhost would send live buyers nowhere.
		assertThatThrownBy(() -> SpringApplication.run(StoreApplication.class, "--server.port=0",
				"--stripe.publishable-key=pk_live_placeholder", "--stripe.secret-key=" + secretKeyPrefix + "placeholder"))
			.rootCause()
			.hasMessageContaining("store.base-url")
			.hasMessageContaining("it is not set, and live keys need it: set it to the store's public address");
		// Spring Boot's report: the setting and what to do, not a stack trace, and never the key.
		assertThat(output).contains("APPLICATION FAILED TO START", "store.base-url").doesNotContain(
				secretKeyPrefix + "placeholder");
	}

	@Test
	void withoutABaseUrlLinksAreOnLocalhostAndTheLogSaysToSetIt(CapturedOutput output) {
		StripeProperties testKeys = new StripeProperties("pk_test_placeholder", "sk_test_placeholder", null,
				"https://api.stripe.com", "https://js.stripe.com/dahlia/stripe.js", Duration.ofSeconds(5),
				Duration.ofSeconds(10), 2, Duration.ofSeconds(30));
		StoreAddress address = new StoreAddress(new StoreAddressProperties(null), testKeys,
				new MockEnvironment().withProperty("local.server.port", "8123"));

		address.sayWhereLinksPoint();

		assertThat(address.baseUrl()).isEqualTo("http://localhost:8123");
		assertThat(output).contains("store.base-url is not set", "start with http://localhost:8123",
				"Set store.base-url to the store's public address.");
	}

}
