package com.example.hostile.downloads.site;

import com.example.hostile.downloads.StoreTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What search engines read: robots.txt keeps them out of buyers' pages, the sitemap lists the shop's. */
@StoreTest
class SearchEnginesTests {

	@Autowired
	MockMvc mvc;

	// Without store.base-url, the store writes its links on localhost and the port it listens on.
	@LocalServerPort
	int port;

	@Test
	void robotsStayOutOfReceiptsAndTheCheckoutAndAreToldWhereTheSitemapIs() throws Exception {
		mvc.perform(get("/robots.txt"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/plain"))
			.andExpect(content().string(containsString("User-agent: *\nDisallow: /receipt/\nDisallow: /checkout\n")))
			.andExpect(content().string(containsString("Disallow: /download/\n")))
			// The form holds nothing of anyone's: a buyer searching for the store's lost-link page may find it.
			.andExpect(content().string(not(containsString("lost-link"))))
			.andExpect(content().string(containsString("Sitemap: http://localhost:" + port + "/sitemap.xml\n")));
	}

	@Test
	void theSitemapListsEveryPageAShopperCanLandOn() throws Exception {
		var answer = mvc.perform(get("/sitemap.xml"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/xml"))
			.andExpect(content().string(containsString("<url><loc>http://localhost:" + port + "/</loc></url>")))
			.andExpect(content().string(not(containsString("/receipt/"))));
	}

}
