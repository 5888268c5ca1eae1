package com.example.hostile.downloads.licence;

import com.example.hostile.downloads.Purchase;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code POST /licences/verify} answers: {@code status} is {@code valid}, {@code revoked} or
 * {@code unknown}; a key of a purchase also says which item and how many were bought (an app may
 * sell seats), and a revoked one why. Never the buyer's e-mail: whoever holds a key learns nothing
 * about who bought it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LicenceStatus(String status, String item, Integer quantity, String reason) {

	static final LicenceStatus UNKNOWN = new LicenceStatus("unknown", null, null, null);

	static LicenceStatus valid(Purchase purchase) {
		return new LicenceStatus("valid", purchase.itemId(), purchase.quantity(), null);
	}

	/** {@code reason}: refunded (in full or in part) or disputed. */
	static LicenceStatus revoked(Purchase purchase, String reason) {
		return new LicenceStatus("revoked", purchase.itemId(), purchase.quantity(), reason);
	}

}
