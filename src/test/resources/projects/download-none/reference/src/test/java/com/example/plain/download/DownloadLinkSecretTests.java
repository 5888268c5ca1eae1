package com.example.plain.download;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.example.plain.QuietOutputCaptureExtension;
import com.example.plain.StoreApplication;
import com.example.plain.stripe.StripeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DOWNLOAD_LINK_SECRET: with it, a link given out before a restart still works after it; without
 * it, links die at each restart, so a store with live keys does not start.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class DownloadLinkSecretTests {

	static final DownloadProperties WITH_SECRET = new DownloadProperties(Path.of("downloads/my-download.txt"),
			Duration.ofHours(24), "a-long-random-value-kept-in-the-environment");

	static final DownloadProperties WITHOUT_SECRET = new DownloadProperties(Path.of("downloads/my-download.txt"),
			Duration.ofHours(24), null);

	static final StripeProperties TEST_KEYS = new StripeProperties("pk_test_placeholder", "sk_test_placeholder", null,
			"https://api.stripe.com", "https://js.stripe.com/dahlia/stripe.js", Duration.ofSeconds(5),
			Duration.ofSeconds(10), 2, Duration.ofSeconds(30));

	@Test
	void withTheSecretALinkGivenOutBeforeARestartWorksAfterIt() {
		String givenOut = new DownloadLinks(WITH_SECRET, TEST_KEYS).pathFor("cs_test_a1", "item",
				Instant.now().plusSeconds(3600));

		// The store restarted: a new DownloadLinks, the same environment.
		assertThat(new DownloadLinks(WITH_SECRET, TEST_KEYS).read(givenOut.substring("/download/".length())))
			.hasValueSatisfying(link -> assertThat(link.sessionId()).isEqualTo("cs_test_a1"));
	}

	@Test
	void withoutItALinkDiesAtTheNextRestartAndTheLogSaysSo(CapturedOutput output) {
		String givenOut = new DownloadLinks(WITHOUT_SECRET, TEST_KEYS).pathFor("cs_test_a1", "item",
				Instant.now().plusSeconds(3600));

		assertThat(new DownloadLinks(WITHOUT_SECRET, TEST_KEYS).read(givenOut.substring("/download/".length())))
			.isEmpty();
		assertThat(output).contains("DOWNLOAD_LINK_SECRET is not set",
				"stop working when the store restarts");
	}

	@Test
	void withLiveKeysTheStoreDoesNotStartWithoutIt(CapturedOutput output) {
		assertThatThrownBy(() -> SpringApplication.run(StoreApplication.class, "--server.port=0",
				"--stripe.publishable-key=pk_live_placeholder", "--stripe.secret-key=sk_live_placeholder",
				"--store.base-url=https://shop.example.com", "--download.link-secret="))
			.rootCause()
			.hasMessageContaining("DOWNLOAD_LINK_SECRET is not set, and the Stripe keys are live")
			.hasMessageContaining("openssl rand -base64 32");
		// Spring Boot's report: the setting and what to do, not a stack trace.
		assertThat(output).contains("APPLICATION FAILED TO START", "download.link-secret",
				"every one given out would stop working")
			.doesNotContain("sk_live_placeholder");
	}

}
