package com.example.hostile.downloads.download;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The file this store sells and how it is delivered, bound from {@code download.*}. The store
 * refuses to start without the file: better than taking money for nothing.
 *
 * @param file The file a buyer downloads: a path on this machine, relative to where the store
 * starts. It is served only through signed links, never from the public static folder.
 * @param linkLifetime How long a download link works. Opening the receipt again gives a fresh one.
 * @param linkSecret Signs the download links. Set DOWNLOAD_LINK_SECRET to the same long random value
 * on every instance; without it the store makes up one at each start, and links die when it
 * restarts.
 */
@ConfigurationProperties("download")
public record DownloadProperties(Path file, @DefaultValue("24h") Duration linkLifetime, String linkSecret) {

	public DownloadProperties {
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
		return "DownloadProperties[file=" + file + ", linkLifetime=" + linkLifetime + "]";
	}

}
