package com.example.hostile.downloads.download;

import com.example.hostile.downloads.downloadlimit.DownloadLimitProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DownloadLimitPropertiesTests {

	@Test
	void aPurchaseMayDownloadAtLeastOnce() {
		assertThat(new DownloadLimitProperties(1).maxDownloads()).isEqualTo(1);
		assertThatIllegalArgumentException().isThrownBy(() -> new DownloadLimitProperties(0))
			.withMessage("download-limit.max-downloads must be 1 or more");
	}

}
