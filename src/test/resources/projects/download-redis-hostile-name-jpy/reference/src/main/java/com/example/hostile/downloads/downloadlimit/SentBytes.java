package com.example.hostile.downloads.downloadlimit;

/**
 * The bytes of the file sent for each purchase (by Checkout Session id), where every request for
 * that purchase counts: this instance's memory ({@link SentBytesInMemory}), or Redis in a store
 * generated with {@code -DsharedState=redis}. A purchase this count has not seen starts from
 * {@code atLeast}: the downloads Stripe has on record for it.
 */
public interface SentBytes {

	/**
	 * Adds {@code bytes} to the purchase's count in one step, if the total stays within
	 * {@code atMost}. Returns the new total, or -1 (and adds nothing) if it would not.
	 */
	long tryAdd(String sessionId, long bytes, long atMost, long atLeast);

	/**
	 * Adds bytes to the count, or takes them off (a negative number) when they were not sent after
	 * all; returns the new total.
	 */
	long add(String sessionId, long bytes);

	/** The bytes sent for the purchase so far. */
	long sent(String sessionId, long atLeast);

}
