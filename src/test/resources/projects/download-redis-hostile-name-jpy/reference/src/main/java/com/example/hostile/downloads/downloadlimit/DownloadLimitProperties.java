package com.example.hostile.downloads.downloadlimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The download limit, bound from {@code download-limit.*}.
 *
 * @param maxDownloads How many times one purchase may download the file. A purchase the seller gave
 * extra downloads (extra_downloads in its session's metadata at Stripe) gets that many more.
 */
@ConfigurationProperties("download-limit")
public record DownloadLimitProperties(@DefaultValue("5") int maxDownloads) {

	public DownloadLimitProperties {
		if (maxDownloads < 1) {
			throw new IllegalArgumentException("download-limit.max-downloads must be 1 or more");
		}
	}

}
