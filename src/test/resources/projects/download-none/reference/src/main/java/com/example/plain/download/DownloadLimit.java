package com.example.plain.download;

import java.io.IOException;
import java.nio.file.Path;

import com.stripe.model.checkout.Session;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;

/**
 * A limit on how much of the file one purchase may receive, which a feature sets. The download
 * hands it each answer of the file to serve, and the receipt offers a link only while the purchase
 * has downloads left. A store without one serves a paid purchase as often as the buyer likes.
 */
public interface DownloadLimit {

	/**
	 * The file as this request's answer serves it (the ranges asked for, counted as they are sent),
	 * or throws the refusal to show (an {@code ErrorResponseException} with a message code) when the
	 * purchase has not that much left.
	 */
	Resource serve(Session session, Path file, HttpHeaders request) throws IOException;

	/** Whether the purchase may download the file once more. */
	boolean anyLeft(Session session);

}
