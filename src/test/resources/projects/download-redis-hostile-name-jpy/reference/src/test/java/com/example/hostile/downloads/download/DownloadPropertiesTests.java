package com.example.hostile.downloads.download;

import java.nio.file.Path;
import java.time.Duration;

import com.example.hostile.downloads.QuietOutputCaptureExtension;
import com.example.hostile.downloads.StoreApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The download settings are checked at start-up: better not to start than to sell nothing. */
@ExtendWith(QuietOutputCaptureExtension.class)
class DownloadPropertiesTests {

	static final Path SOLD = Path.of("downloads/my-download.txt");

	@Test
	void theStoreRefusesToStartWhenTheFileIsMissing(CapturedOutput output) {
		assertThatThrownBy(() -> SpringApplication.run(StoreApplication.class, "--server.port=0",
				"--download.file=no/such/file.pdf"))
			.rootCause()
			.hasMessageContaining("download.file: there is no readable file at")
			.hasMessageContaining("no/such/file.pdf");
		// What the seller reads on the console, kept off the build's own.
		assertThat(output).contains("APPLICATION FAILED TO START").contains("no/such/file.pdf");
	}

	@Test
	void aFolderIsNotAFileToSell() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DownloadProperties(Path.of("downloads"), Duration.ofHours(24), null))
			.withMessageContaining("download.file: there is no readable file at");
	}

	@Test
	void linksMustLastSomeTime() {
		for (Duration lifetime : new Duration[] { Duration.ZERO, Duration.ofMinutes(-1) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new DownloadProperties(SOLD, lifetime, null))
				.withMessage("download.link-lifetime must be longer than zero");
		}
	}

	@Test
	void aBlankLinkSecretCountsAsNotSetAndTheSecretIsNeverPrinted() {
		assertThat(new DownloadProperties(SOLD, Duration.ofHours(24), "  ").linkSecret()).isNull();
		assertThat(new DownloadProperties(SOLD, Duration.ofHours(24), "a-long-random-secret"))
			.asString()
			.doesNotContain("a-long-random-secret");
	}

}
