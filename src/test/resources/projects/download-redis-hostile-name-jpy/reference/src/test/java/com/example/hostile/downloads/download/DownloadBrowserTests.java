package com.example.hostile.downloads.download;

import java.nio.file.Files;
import java.nio.file.Path;

import com.example.hostile.downloads.Browser;
import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Paying for the download in a real browser, then taking the file from the receipt. */
@StoreTest
class DownloadBrowserTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	DownloadProperties settings;

	@RegisterExtension
	final Browser browser = new Browser();

	@BeforeEach
	void stripePlaysItsPart() {
		fakeStripe.answer(stripe);
	}

	@Test
	void payThenFollowTheReceiptsLinkAndGetTheFile() throws Exception {
		browser.open(Shopper.ITEM_PAGE);
		browser.pressBuy();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("submit")));
		new Select(browser.find("#fake-payment-method")).selectByValue("card");
		browser.find("#email").sendKeys("shopper@example.com");
		browser.find("#submit").click();

		browser.waitFor(ExpectedConditions.urlMatches("/receipt/cs_test_[A-Za-z0-9]+$"));
		assertThat(browser.find("h1").getText()).isEqualTo("Thank you!");
		browser.screenshot("receipt-with-download");
		browser.assertAccessible();
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
		browser.assertAccessible();
		// Chromium reports the 403 answer in the console; it is the one expected here.
		assertThat(browser.consoleErrors()).singleElement().asString().contains("403");
	}

}
