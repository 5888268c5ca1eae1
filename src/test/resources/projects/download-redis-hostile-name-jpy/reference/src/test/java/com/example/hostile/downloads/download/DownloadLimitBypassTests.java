package com.example.hostile.downloads.download;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import com.example.hostile.downloads.Concurrently;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

/**
 * With {@code download-limit.max-downloads: 2}, no mix of requests gets the file more than twice per
 * purchase: not a Range as long as the file, written any way, not ranges that overlap or come
 * several at once, not downloads started together. A download resumed with Range still works,
 * and counts once.
 */
@StoreTest
@TestPropertySource(properties = "download-limit.max-downloads=2")
class DownloadLimitBypassTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	DownloadLinks links;

	@Autowired
	DownloadProperties settings;

	@Autowired
	Catalog catalog;

	final String id = StripeStub.newSessionId();

	String link;

	byte[] file;

	@BeforeEach
	void aPaidPurchaseNotDownloadedYet() throws Exception {
		// Stripe keeps saying 0 downloads, whatever the store tells it: the limit must hold anyway.
		String session = StripeStub.paidSession(id, catalog.firstItem());
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, session);
		link = links.pathFor(id, catalog.firstItem().id());
		file = Files.readAllBytes(settings.file());
	}

	MockHttpServletResponse download(String range) throws Exception {
		return mvc.perform(range == null ? get(link) : get(link).header(HttpHeaders.RANGE, range))
			.andReturn()
			.getResponse();
	}

	/** How many of these answers carried the whole file. */
	long wholeFiles(List<MockHttpServletResponse> answers) {
		return answers.stream().filter(answer -> Arrays.equals(answer.getContentAsByteArray(), file)).count();
	}

	@Test
	void aSuffixRangeLongerThanTheFileCountsAsADownload() throws Exception {
		List<MockHttpServletResponse> answers = List.of(download("bytes=-999999999"), download("bytes=-999999999"),
				download("bytes=-999999999"));

		assertThat(wholeFiles(answers)).as("whole files served for 3 x Range: bytes=-999999999").isEqualTo(2);
		assertThat(answers.get(2).getStatus()).isEqualTo(403);
		assertThat(answers.get(2).getContentAsString()).contains("as many as it allows");
	}

	@Test
	void aRangeFromByteZeroWrittenOtherwiseCountsAsADownload() throws Exception {
		List<MockHttpServletResponse> answers = List.of(download("bytes=00-"), download("bytes=0-99999999"),
				download("bytes=000-"));

		assertThat(wholeFiles(answers)).as("whole files served for bytes=00-, bytes=0-99999999, bytes=000-")
			.isEqualTo(2);
		assertThat(answers.get(2).getStatus()).isEqualTo(403);
	}

	@Test
	void rangesThatOverlapOrComeSeveralAtOnceAddUpToNoMoreThanTheLimit() throws Exception {
		int half = file.length / 2;
		String[] ranges = { "bytes=0-" + half + "," + half + "-", "bytes=1-", "bytes=0-0", "bytes=0-" + (half + 10)
				+ "," + half + "-" + (file.length - 2), "bytes=-" + (file.length - 1), "bytes=0-" + half };
		long served = 0;
		int refused = 0;
		for (int round = 0; round < 20; round++) {
			MockHttpServletResponse answer = download(ranges[round % ranges.length]);
			if (answer.getStatus() == 206) {
				served += Long.parseLong(answer.getHeader(HttpHeaders.CONTENT_LENGTH));
			}
			else {
				refused++;
			}
		}

		assertThat(served).as("bytes served to 20 range requests, for a file of " + file.length + " bytes")
			.isLessThan(3L * file.length);
		assertThat(refused).isPositive();
	}

	@Test
	void tenDownloadsStartedTogetherServeTheWholeFileTwice() throws Exception {
		List<MockHttpServletResponse> answers = Concurrently.run(10, () -> download(null));

		assertThat(wholeFiles(answers)).as("whole files served to 10 simultaneous downloads").isEqualTo(2);
		assertThat(answers).filteredOn(answer -> answer.getStatus() == 403).hasSize(8);
	}

	@Test
	void headRequestsSendNoFileAndCountNothing() throws Exception {
		for (int i = 0; i < 5; i++) {
			MockHttpServletResponse head = mvc.perform(head(link)).andReturn().getResponse();
			assertThat(head.getStatus()).isEqualTo(200);
			assertThat(head.getContentAsByteArray()).isEmpty();
		}

		assertThat(wholeFiles(List.of(download(null), download(null)))).isEqualTo(2);
	}

	@Test
	void aResumedDownloadWorksAndCountsOnce() throws Exception {
		MockHttpServletResponse start = download("bytes=0-99");
		MockHttpServletResponse rest = download("bytes=100-");

		assertThat(start.getStatus()).isEqualTo(206);
		assertThat(rest.getStatus()).isEqualTo(206);
		byte[] resumed = new byte[file.length];
		System.arraycopy(start.getContentAsByteArray(), 0, resumed, 0, 100);
		System.arraycopy(rest.getContentAsByteArray(), 0, resumed, 100, file.length - 100);
		assertThat(resumed).isEqualTo(file);
		// One download used: one more whole one is left, and then none.
		assertThat(download(null).getContentAsByteArray()).isEqualTo(file);
		assertThat(download(null).getStatus()).isEqualTo(403);
	}

}
