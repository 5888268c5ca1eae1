package com.example.hostile.downloads.site;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;

import com.example.hostile.downloads.Csrf;
import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.Messages;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The store switched to its second language by one setting, store.locale=de-DE: pages, prices,
 * Stripe's form and refusals all in German, with no English word of the bundle left.
 */
@StoreTest
@TestPropertySource(properties = "store.locale=de-DE")
public class GermanStoreTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	Shopper shopper;

	@BeforeEach
	void fakeStripe() {
		fakeStripe.answer(stripe);
		shopper = new Shopper(Shopper.client(), port);
	}

	@Test
	void theItemPageIsInGermanWithGermanPricesAndStripeInGerman() {
		String page = shopper.get(Shopper.ITEM_PAGE).body();

		assertThat(page).contains("<html lang=\"de-DE\">", "<meta property=\"og:locale\" content=\"de_DE\">",
				"data-locale=\"de\"", ">Jetzt kaufen</button>",
				"Zahlungen wickelt Stripe sicher ab.",
				"<p class=\"price\">" + catalog.firstItem().formattedPrice(Locale.GERMANY) + "</p>");
		assertNoEnglishIn(page);
	}

	@Test
	void theErrorPageIsInGerman() {
		HttpResponse<String> page = shopper.get("/no-such-page");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("<h1>Seite nicht gefunden</h1>", "Unter dieser Adresse gibt es nichts.");
		assertNoEnglishIn(page.body());
	}

	@Test
	void theCheckoutRefusesInGerman() throws Exception {
		mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemId\":\"no-such-item\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Dieser Artikel ist nicht erhältlich."));
		// The words of a Bean Validation annotation, and of Spring's own refusal, too.
		mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemId\":\"" + catalog.firstItem().id() + "\",\"quantity\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Wählen Sie eine Menge von mindestens 1."));
		mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc)).contentType(MediaType.TEXT_PLAIN).content("x"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail").value("Die Anfrage muss JSON sein (Content-Type: application/json)."));
	}

	@Test
	void thePaidReceiptIsInGerman() throws Exception {
		shopper.opensTheItemPage();
		String id = shopper.opensTheCheckout(catalog.firstItem().id(), 1);
		fakeStripe.updateEmail(id, "buyer-" + UUID.randomUUID() + "@example.com");
		fakeStripe.pay(id);

		String receipt = shopper.get("/receipt/" + id).body();
		assertThat(receipt).contains("<h1>Vielen Dank!</h1>", "Ihre Zahlung ist eingegangen.");
		assertNoEnglishIn(receipt);
	}

	/** None of the English bundle's texts that German says differently. */
	public static void assertNoEnglishIn(String page) {
		var english = Messages.in(Locale.US);
		var german = Messages.in(Locale.GERMANY);
		for (String code : MessageBundlesTests.keys("messages.properties")) {
			String text = english.getMessage(code);
			if (!text.equals(german.getMessage(code)) && !text.contains("{") && text.length() > 3) {
				assertThat(page).as("English left in the German store: " + code).doesNotContain(text);
			}
		}
	}

}
