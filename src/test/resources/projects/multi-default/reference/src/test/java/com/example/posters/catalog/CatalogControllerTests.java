package com.example.posters.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.example.posters.StoreTest;
import com.example.posters.stripe.StripeProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog and its item pages, with a catalog of its own: "poster" has a template of its
 * own (src/test/resources/templates/items/poster.ftlh), "mug" uses item.ftlh.
 */
@StoreTest
@TestPropertySource(properties = { "store.max-quantity=5",
		"store.items[0].id=mug", "store.items[0].name=Mug & <Cup>", "store.items[0].description=Holds tea",
		"store.items[0].price=8.5", "store.items[0].currency=usd", "store.items[0].image=/images/mug.jpg",
		"store.items[0].image-alt=A white mug, \"half full\" <of> tea",
		"store.items[1].id=poster", "store.items[1].name=Poster", "store.items[1].price=20",
		"store.items[1].currency=usd" })
class CatalogControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StripeProperties stripeSettings;

	@LocalServerPort
	int port;

	@Test
	void theHomePageListsEveryItemWithItsPriceAndLink() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"/items/mug\">")))
			.andExpect(content().string(containsString("Mug &amp; &lt;Cup&gt;")))
			.andExpect(content().string(containsString("$8.50")))
			.andExpect(content().string(containsString("Holds tea")))
			.andExpect(content().string(containsString("<a href=\"/items/poster\">")))
			.andExpect(content().string(containsString("$20.00")));
	}

	@Test
	void eachItemShowsItsImageAndThoseWithoutOneThePlaceholder() throws Exception {
		mvc.perform(get("/"))
			.andExpect(content().string(containsString("<img class=\"catalog-image\" src=\"/images/mug.jpg\" "
					+ "alt=\"A white mug, &quot;half full&quot; &lt;of&gt; tea\"")))
			// The placeholder shows nothing to describe: its alt text is empty.
			.andExpect(content().string(matchesPattern(
					"(?s).*<img class=\"catalog-image\" src=\"/images/placeholder-[0-9a-f]{32}\\.svg\" alt=\"\".*")))
			.andExpect(content().string(containsString("width=\"96\" height=\"72\" loading=\"eager\">")));
		mvc.perform(get("/items/mug"))
			.andExpect(content().string(containsString("<img class=\"item-image\" src=\"/images/mug.jpg\"")))
			.andExpect(content().string(containsString("<meta property=\"og:image\" content=\"http://localhost:" + port + "/images/mug.jpg\">")));
		mvc.perform(get("/images/placeholder.svg")).andExpect(status().isOk());
	}

	@Test
	void anItemPageHasItsCheckoutAndAQuantityField() throws Exception {
		mvc.perform(get("/items/mug"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Mug &amp; &lt;Cup&gt;</h1>")))
			.andExpect(content().string(containsString("<a href=\"/\">&larr; All items</a>")))
			.andExpect(content().string(containsString("<p class=\"price\">$8.50</p>")))
			.andExpect(content().string(containsString("data-item-id=\"mug\"")))
			.andExpect(content().string(containsString("id=\"quantity\" type=\"number\" min=\"1\" max=\"5\"")))
			.andExpect(content().string(containsString("<script src=\"" + stripeSettings.jsUrl() + "\" defer></script>")));
	}

	@Test
	void aTemplateNamedAfterTheItemTakesOverItsPage() throws Exception {
		mvc.perform(get("/items/poster"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Poster, in its own template</h1>")));
		mvc.perform(get("/items/mug"))
			.andExpect(content().string(not(containsString("in its own template"))));
	}

	@Test
	void anUnknownItemGetsTheNotFoundPageInTheStoresLayout() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/items/no-such-item"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found", "class=\"site-header\"");
	}

}
