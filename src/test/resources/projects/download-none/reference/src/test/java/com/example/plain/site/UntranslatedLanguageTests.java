package com.example.plain.site;

import java.net.http.HttpResponse;

import com.example.plain.SellersOwnSettings;
import com.example.plain.Shopper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store.locale whose language has no messages file yet (French here): the pages are in English,
 * and say so, for browsers, screen readers and search engines; only the prices follow store.locale.
 * The locale is one of {@link SellersOwnSettings}, whose store these tests share.
 */
@SellersOwnSettings
class UntranslatedLanguageTests {

	@LocalServerPort
	int port;

	@Test
	void theItemPageNamesEnglishAsItsLanguage() {
		String page = new Shopper(Shopper.client(), port).get(Shopper.ITEM_PAGE).body();

		assertThat(page).contains("<html lang=\"en\">", "<meta property=\"og:locale\" content=\"en\">",
				">Buy now</button>");
	}

	@Test
	void theErrorPageNamesEnglishAsItsLanguage() {
		HttpResponse<String> page = new Shopper(Shopper.client(), port).get("/no-such-page");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("<html lang=\"en\">");
	}

}
