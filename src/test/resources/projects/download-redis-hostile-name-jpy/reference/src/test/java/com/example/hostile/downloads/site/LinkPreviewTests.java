package com.example.hostile.downloads.site;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What a link preview (a chat app, a social site) and a search engine read from an item page: its
 * description, canonical address, Open Graph tags, and schema.org Product data with the price.
 */
@StoreTest
class LinkPreviewTests {

	static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	// Without store.base-url, the store writes its links on localhost and the port it listens on.
	@LocalServerPort
	int port;

	/** The page's schema.org data, read back as JSON. */
	static JsonNode jsonLdOf(String page) {
		Matcher script = JSON_LD.matcher(page);
		assertThat(script.find()).as("JSON-LD in the page").isTrue();
		return JsonMapper.builder().build().readTree(script.group(1));
	}

	static String meta(String attribute, String name, String content) {
		return "<meta " + attribute + "=\"" + name + "\" content=\"" + HtmlUtils.htmlEscape(content, "UTF-8") + "\">";
	}

	@Test
	void anItemPageDescribesTheItemForPreviewsAndSearch() throws Exception {
		Item item = catalog.firstItem();
		// An item the seller has not described yet is described by the store's name.
		String description = item.description().isBlank() ? catalog.name() : item.description();
		String page = mvc.perform(get(Shopper.ITEM_PAGE)).andReturn().getResponse().getContentAsString();

		assertThat(page).contains(meta("name", "description", description),
				meta("property", "og:title", item.name()), meta("property", "og:description", description),
				meta("property", "og:type", "product"), meta("property", "og:site_name", catalog.name()),
				meta("property", "product:price:currency", item.currency().toUpperCase(Locale.ROOT)),
				"<link rel=\"canonical\" href=\"http://localhost:" + port + Shopper.ITEM_PAGE + "\">");
		// Without an image of its own, the page shows the store's placeholder and previews show none.
		assertThat(page).containsPattern("<img class=\"item-image\" src=\"/images/placeholder-[0-9a-f]{32}\\.svg\" alt=\"\"")
			.doesNotContain("og:image");
		JsonNode product = jsonLdOf(page);
		assertThat(product.path("@type").asString()).isEqualTo("Product");
		assertThat(product.path("name").asString()).isEqualTo(item.name());
		assertThat(product.path("offers").path("price").asString()).isEqualTo(item.price().toPlainString());
		assertThat(product.path("offers").path("priceCurrency").asString()).isEqualTo(item.currency().toUpperCase(Locale.ROOT));
		assertThat(product.path("offers").path("url").asString()).isEqualTo("http://localhost:" + port + Shopper.ITEM_PAGE);
	}

	@Test
	void otherPagesAreDescribedByTheStoreAndCarryNoProduct() throws Exception {
		String page = mvc.perform(get("/receipt/cs_test_notavalidone")).andReturn().getResponse().getContentAsString();

		assertThat(page).contains(meta("name", "description", catalog.name()), meta("property", "og:type", "website"))
			.doesNotContain("application/ld+json");
	}

}
