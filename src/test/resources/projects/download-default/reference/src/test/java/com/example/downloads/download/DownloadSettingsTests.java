package com.example.downloads.download;

import com.example.downloads.StoreApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownloadSettingsTests {

	@Test
	void theStoreRefusesToStartWhenTheFileIsMissing() {
		assertThatThrownBy(() -> SpringApplication.run(StoreApplication.class, "--server.port=0",
				"--download.file=no/such/file.pdf"))
			.rootCause()
			.hasMessageContaining("download.file: there is no readable file at")
			.hasMessageContaining("no/such/file.pdf");
	}

}
