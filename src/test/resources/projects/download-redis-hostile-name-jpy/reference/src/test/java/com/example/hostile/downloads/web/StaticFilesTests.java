package com.example.hostile.downloads.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * On the wire: styles and scripts are linked by content-hashed names that browsers may keep for a
 * year, and pages go compressed (Tomcat does that, so it is checked over real HTTP).
 */
@StoreTest
class StaticFilesTests {

	static final Pattern STYLE_SHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"(/css/store-[0-9a-f]{32}\\.css)\">");

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	void theStyleSheetIsLinkedByItsContentsHashAndKeptForAYear() throws Exception {
		String page = mvc.perform(get(Shopper.ITEM_PAGE)).andReturn().getResponse().getContentAsString();
		Matcher link = STYLE_SHEET.matcher(page);
		assertThat(link.find()).as("a hashed style sheet link in " + page).isTrue();

		mvc.perform(get(link.group(1)))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=31536000, public"))
			.andExpect(content().string(containsString(".item-image")));
	}

	@Test
	void pagesGoCompressedToBrowsersThatTakeIt() throws Exception {
		HttpResponse<byte[]> page = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/css/store.css"))
				.header("Accept-Encoding", "gzip")
				.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		// gzip's own first two bytes: the body really is compressed.
		assertThat(page.body()).startsWith((byte) 0x1f, (byte) 0x8b);
	}

}
