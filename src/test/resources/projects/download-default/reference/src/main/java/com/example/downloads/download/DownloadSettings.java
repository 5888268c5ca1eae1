package com.example.downloads.download;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The file this store sells and how its download links work, bound from {@code download.*}.
 * The store refuses to start without the file: better than taking money for nothing.
 */
@ConfigurationProperties("download")
public record DownloadSettings(Path file, @DefaultValue("24h") Duration linkLifetime, String linkSecret) {

	public DownloadSettings {
		if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
			throw new IllegalArgumentException("download.file: there is no readable file at "
					+ (file == null ? "(not set)" : file.toAbsolutePath())
					+ ". Set download.file in application.yml (or DOWNLOAD_FILE) to the path of the file you sell.");
		}
		if (linkLifetime.isNegative() || linkLifetime.isZero()) {
			throw new IllegalArgumentException("download.link-lifetime must be longer than zero");
		}
		linkSecret = linkSecret == null || linkSecret.isBlank() ? null : linkSecret;
	}

	@Override
	public String toString() {
		return "DownloadSettings[file=" + file + ", linkLifetime=" + linkLifetime + "]";
	}

}
