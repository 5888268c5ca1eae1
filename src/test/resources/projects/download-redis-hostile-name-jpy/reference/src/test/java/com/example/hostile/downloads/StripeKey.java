package com.example.hostile.downloads;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key the store holds, as Stripe's API sees it: the secret key may do everything; a
 * restricted key (rk_) only what its permissions allow, and Stripe refuses the rest with
 * {@link StripeStub#permissionError}. Tests restrict it ({@link #restrictTo}); it starts as a
 * secret key for each test.
 */
public final class StripeKey {

	/** The permissions the store README tells the seller to give a restricted key. */
	public static final List<String> README_PERMISSIONS = List.of("rak_checkout_session_write",
			"rak_checkout_session_read", "rak_payment_intent_read", "rak_charge_read");

	private final Set<String> granted = ConcurrentHashMap.newKeySet();

	private volatile boolean restricted;

	/** From now on the key is a restricted key with exactly these permissions. */
	public void restrictTo(List<String> permissions) {
		granted.clear();
		granted.addAll(permissions);
		restricted = true;
	}

	/** A restricted key with the README's permissions but this one. */
	public void withhold(String permission) {
		restrictTo(README_PERMISSIONS.stream().filter(granted -> !granted.equals(permission)).toList());
	}

	/** The secret key again, which may do everything. */
	public void unrestrict() {
		restricted = false;
		granted.clear();
	}

	/** Whether the key may do what needs this permission (write includes read, as in Stripe's Dashboard). */
	boolean allows(String permission) {
		return !restricted || granted.contains(permission)
				|| (permission.endsWith("_read") && granted.contains(permission.replaceAll("_read$", "_write")));
	}

}
