package com.example.shop.site;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** store.base-url is checked at start-up: a wrong one would send every buyer to the wrong place. */
class StoreAddressTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://shop.example.com", "https://shop.example.com/", "http://localhost:8080/" })
	void aWebAddressIsTakenWithoutItsTrailingSlash(String baseUrl) {
		String taken = new StoreAddress(URI.create(baseUrl)).current();

		assertThat(taken).isEqualTo(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
	}

	@ParameterizedTest
	@ValueSource(strings = { "shop.example.com", "ftp://shop.example.com", "https://shop.example.com/?a=b",
			"https://shop.example.com/#top", "https://user@shop.example.com", "mailto:shop@example.com" })
	void anythingElseStopsTheStoreWithWhatItShouldBe(String baseUrl) {
		assertThatIllegalArgumentException().isThrownBy(() -> new StoreAddress(URI.create(baseUrl)))
			.withMessageStartingWith("store.base-url must be the store's address, such as https://shop.example.com");
	}

}
