package com.example.downloads.download;

import org.springframework.http.HttpStatus;

/** A download that is not served, with what to tell the shopper. */
class DownloadRefusedException extends RuntimeException {

	private final HttpStatus status;

	DownloadRefusedException(HttpStatus status, String messageForTheShopper) {
		super(messageForTheShopper);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}

}
