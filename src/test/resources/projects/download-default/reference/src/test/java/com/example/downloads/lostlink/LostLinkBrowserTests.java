package com.example.downloads.lostlink;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.downloads.Browser;
import com.example.downloads.FakeStripe;
import com.example.downloads.Shopper;
import com.example.downloads.StoreTest;
import com.example.downloads.download.DownloadProperties;
import com.example.downloads.mail.MailServer;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A buyer who pays, loses every tab and the e-mail, and gets the file back from "Lost your link?". */
@StoreTest
class LostLinkBrowserTests {

	static final Pattern DOWNLOAD_LINK = Pattern.compile("Download your file: (http\\S+)");

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	MailServer mailServer;

	@Autowired
	DownloadProperties settings;

	@RegisterExtension
	final Browser browser = new Browser();

	final String buyer = "buyer-" + UUID.randomUUID() + "@example.com";

	@BeforeEach
	void stripePlaysItsPart() {
		fakeStripe.answer(stripe);
	}

	@Test
	void aBuyerWhoLostEveryTabGetsTheFileBackByEmail() throws Exception {
		browser.open(Shopper.ITEM_PAGE);
		browser.pressBuy();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("submit")));
		new Select(browser.find("#fake-payment-method")).selectByValue("card");
		browser.find("#email").sendKeys(buyer);
		browser.find("#submit").click();
		browser.waitFor(ExpectedConditions.urlMatches("/receipt/cs_test_[A-Za-z0-9]+$"));

		// Every tab closed, the e-mail lost: back to the store.
		browser.open(Shopper.ITEM_PAGE);
		browser.find(".site-footer a[href='/lost-link']").click();
		browser.find("#email").sendKeys(buyer);
		browser.screenshot("lost-link");
		browser.assertAccessible();
		browser.find("form[action='/lost-link'] button[type=submit]").click();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("lost-link-sent")));
		browser.screenshot("lost-link-sent");
		browser.assertAccessible();

		String text = MailServer.part(theLostLinkEmail(), "text/plain");
		Matcher link = DOWNLOAD_LINK.matcher(text);
		assertThat(link.find()).as("a download link in " + text).isTrue();
		browser.open(URI.create(link.group(1)).getRawPath());
		Path file = browser.downloads().resolve(settings.file().getFileName());
		browser.waitFor(driver -> Files.isRegularFile(file) ? file : null);
		assertThat(file).hasSameBinaryContentAs(settings.file());
	}

	/** The purchase's own e-mail comes first; this is the one "Lost your link?" sent. */
	MimeMessage theLostLinkEmail() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			List<MimeMessage> found = mailServer.messagesTo(buyer)
				.stream()
				.filter(message -> subjectOf(message).startsWith("Your links from"))
				.toList();
			if (!found.isEmpty()) {
				return found.get(0);
			}
			Thread.sleep(20);
		}
		throw new AssertionError("No lost-link e-mail to the buyer");
	}

	static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
