package com.example.downloads.download;

import java.nio.file.Files;
import java.nio.file.Path;

import com.example.downloads.Browser;
import com.example.downloads.StoreTest;
import com.example.downloads.StripeStub;
import com.example.downloads.catalog.Catalog;
import com.example.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Paying for the download in a real browser, then taking the file from the receipt. */
@StoreTest
class DownloadBrowserTests {

	static final String PI = "pi_3TestDownloadBrowser";

	@Autowired
	WireMockServer stripe;

	@Autowired
	Catalog catalog;

	@Autowired
	DownloadSettings settings;

	@RegisterExtension
	final Browser browser = new Browser();

	@Test
	void payThenFollowTheReceiptsLinkAndGetTheFile() throws Exception {
		Item item = catalog.firstItem();
		String intent = StripeStub.paymentIntent(PI, "succeeded", item.amountInMinorUnits(1), item.currency(),
				StripeStub.storeMetadata(item, 1));
		StripeStub.willCreatePaymentIntent(stripe, intent);
		StripeStub.willUpdatePaymentIntent(stripe, PI, intent);
		StripeStub.willReturnPaymentIntent(stripe, PI, intent);

		browser.open("/");
		browser.waitFor(driver -> browser.script("return window.fakeStripe && window.fakeStripe.mounted"));
		browser.find("#email").sendKeys("shopper@example.com");
		browser.find("#submit").click();
		browser.waitFor(ExpectedConditions.urlContains("/receipt/" + PI + "/"));
		browser.screenshot("receipt-with-download");
		browser.find("a.download").click();

		Path file = browser.downloads().resolve(settings.file().getFileName());
		browser.waitFor(driver -> Files.isRegularFile(file) ? file : null);
		assertThat(file).hasSameBinaryContentAs(settings.file());
	}

	@Test
	void aBadLinkShowsAPageThatSaysWhatToDo() {
		browser.open("/download/not-a-link");

		assertThat(browser.find("h1").getText()).isEqualTo("Download not available");
		assertThat(browser.find("main").getText()).contains("Use the link on your receipt page");
		browser.screenshot("download-refused");
		// Chromium reports the 403 answer in the console; it is the one expected here.
		assertThat(browser.consoleErrors()).singleElement().asString().contains("403");
	}

}
