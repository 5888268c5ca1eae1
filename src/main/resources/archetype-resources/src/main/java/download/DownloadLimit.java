package ${package}.download;

import com.stripe.model.checkout.Session;

/**
 * A limit on how much of the file one purchase may receive, which a feature sets. The download
 * asks it before each answer of the file starts, and tells it what was sent once the answer ends;
 * the receipt offers a link only while the purchase has downloads left. A store without one
 * serves a paid purchase as often as the buyer likes.
 */
public interface DownloadLimit {

	/**
	 * Claims {@code bytes} for an answer about to start, or throws the refusal to show (an
	 * {@code ErrorResponseException} with a message code) when the purchase has not that many left.
	 */
	void claim(Session session, long bytes);

	/** The answer has ended, having sent {@code sentBytes} of the {@code claimed}: gives back the rest. */
	void settle(Session session, long claimed, long sentBytes);

	/** Whether the purchase may download the file once more. */
	boolean anyLeft(Session session);

}
