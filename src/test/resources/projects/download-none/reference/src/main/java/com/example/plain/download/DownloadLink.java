package com.example.plain.download;

import java.time.Instant;

/** What a download link carries, once its signature has been checked. */
record DownloadLink(String sessionId, String itemId, Instant expiresAt) {

	boolean expired() {
		return Instant.now().isAfter(expiresAt);
	}

}
