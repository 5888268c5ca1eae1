package com.example.downloads.demo;

import java.nio.file.Files;
import java.nio.file.Path;

import com.example.downloads.Browser;
import com.example.downloads.Shopper;
import com.example.downloads.StoreApplication;
import com.example.downloads.download.DownloadProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as the README tells a new user to try it, in a real browser: the store as
 * {@code ./mvnw spring-boot:test-run} starts it ({@code TestStoreApplication}: the store and
 * {@link Demo}), on a port of its own. Stripe.js is the stand-in the demo serves from the store
 * itself, and the refund goes through the demo's page and the store's webhook.
 */
@SpringBootTest(classes = { StoreApplication.class, Demo.class }, webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoBrowserTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@Autowired
	DownloadProperties download;

	@Test
	void buyWithTheTestCardsReadTheMailDownloadAndRefund() throws Exception {
		browser.open(Shopper.ITEM_PAGE);
		assertThat(browser.find(".demo-notice").getText()).contains("Demo", "nothing is charged");
		assertThat(browser.find("main").getText()).doesNotContain("not taking payments");
		browser.assertAccessible();

		browser.pressBuy();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("submit")));
		browser.find("#email").sendKeys("buyer@example.com");
		payWith("card_declined");
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("payment-message")));
		assertThat(browser.find("#payment-message").getText()).isEqualTo("Your card was declined.");
		// The stand-in answers a declined payment 402, as Stripe does, and the browser logs it.
		assertThat(browser.consoleErrors()).singleElement().asString().contains("/demo/stripe-api/", "402");
		payWith("card_3ds");
		browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("fake-3ds-complete"))).click();
		browser.waitFor(ExpectedConditions.urlMatches("/receipt/cs_test_[A-Za-z0-9]+$"));
		String receipt = browser.path();
		assertThat(browser.find("h1").getText()).isEqualTo("Thank you!");

		browser.find(".demo-notice a[href='/demo/mail']").click();
		browser.waitFor(ExpectedConditions.urlMatches("/demo/mail$"));
		browser.waitFor(driver -> {
			driver.navigate().refresh();
			return browser.findAll("#mails li").size() == 1;
		});
		assertThat(browser.find("#mails li").getText()).contains("buyer@example.com");
		browser.assertAccessible();
		browser.find("#mails a[href$='" + receipt + "']").click();
		browser.waitFor(ExpectedConditions.urlMatches(receipt + "$"));

		WebElement downloadLink = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.download")));
		String href = downloadLink.getAttribute("href");
		String downloadPath = href.substring(href.indexOf("/download/"));
		downloadLink.click();
		Path file = browser.downloads().resolve(download.file().getFileName());
		browser.waitFor(driver -> Files.isRegularFile(file) ? file : null);
		assertThat(file).hasSameBinaryContentAs(download.file());

		browser.open(DemoPurchasesController.PATH);
		browser.assertAccessible();
		// A click returns before the page it opens has loaded: wait for that page, not the one before.
		browser.find("#purchases form button").click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#purchases li"), "refunded"));

		browser.open(receipt);
		assertThat(browser.find("h1").getText()).isEqualTo("Payment refunded");
		browser.open(downloadPath);
		assertThat(browser.find("main").getText()).contains("refunded");
		// Chromium reports the refused download's 403 in the console: the one expected here.
		assertThat(browser.consoleErrors()).singleElement().asString().contains("403");
	}

	private void payWith(String method) {
		new Select(browser.find("#fake-payment-method")).selectByValue(method);
		browser.find("#submit").click();
	}

}
