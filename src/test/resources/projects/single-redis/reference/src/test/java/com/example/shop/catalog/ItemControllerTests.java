package com.example.shop.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.shop.SellersItemAndAddress;
import com.example.shop.StripeStub;
import com.example.shop.stripe.StripeProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The home page is the item, rendered here from an item whose name tries every trick ({@link SellersItemAndAddress}). */
@SellersItemAndAddress
class ItemControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StripeProperties stripeSettings;

	@Test
	void showsTheItemWithItsPriceAndTheCheckout() throws Exception {
		mvc.perform(get("/").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p class=\"price\">$12.50</p>")))
			.andExpect(content().string(containsString(
					"<form id=\"checkout\" data-publishable-key=\"" + StripeStub.PUBLISHABLE_KEY
							+ "\" data-item-id=\"poster\" data-locale=\"en\"")))
			.andExpect(content().string(containsString("id=\"express-checkout\"")))
			.andExpect(content().string(containsString("id=\"payment-element\"")))
			.andExpect(content().string(containsString("<script src=\"" + stripeSettings.jsUrl() + "\" defer></script>")))
			// By its content-hashed name, which browsers may keep.
			.andExpect(content().string(matchesPattern("(?s).*<script src=\"/js/checkout-[0-9a-f]{32}\\.js\" defer></script>.*")));
	}

	@Test
	void sellingOneAtATimeAsksNoQuantity() throws Exception {
		// store.max-quantity is 1 unless application.yml says otherwise.
		mvc.perform(get("/")).andExpect(content().string(not(containsString("id=\"quantity\""))));
	}

	@Test
	void escapesTheItemNameAndDescription() throws Exception {
		mvc.perform(get("/"))
			.andExpect(content().string(containsString(
					"<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; Jerry&#39;s ${user.home} \u00e9t\u00e9 \u65e5\u672c</h1>")))
			.andExpect(content().string(containsString("Printed &lt;b&gt;on&lt;/b&gt; paper")))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void theSchemaOrgDataCarriesTheNameExactlyAndNoScriptCanEndIt() throws Exception {
		String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
			.matcher(page);

		assertThat(script.find()).isTrue();
		assertThat(script.group(1)).doesNotContain("<", ">", "&");
		assertThat(JsonMapper.builder().build().readTree(script.group(1)).path("name").asString())
			.isEqualTo("<script>alert(\"x\")</script> Tom & Jerry's ${user.home} \u00e9t\u00e9 \u65e5\u672c");
	}

	@Test
	void theImageIsShownWithWhatItShowsAndMayComeFromItsOwnSiteAlone() throws Exception {
		mvc.perform(get("/"))
			.andExpect(content().string(containsString("<img class=\"item-image\" src=\"https://cdn.example.com/poster.jpg\" "
					+ "alt=\"The poster: &quot;moths&quot; &lt;at&gt; night\" width=\"800\" height=\"600\" fetchpriority=\"high\">")))
			.andExpect(content().string(containsString("<meta property=\"og:image\" content=\"https://cdn.example.com/poster.jpg\">")))
			.andExpect(content().string(containsString("<meta name=\"twitter:card\" content=\"summary_large_image\">")))
			.andExpect(header().string("Content-Security-Policy",
					containsString("img-src 'self' data: https://*.stripe.com https://cdn.example.com;")));
	}

	@Test
	void neverPutsTheSecretKeyInThePage() throws Exception {
		mvc.perform(get("/")).andExpect(content().string(not(containsString(StripeStub.SECRET_KEY))));
	}

}
