package com.example.shop.webhook;

import com.example.shop.Refund;

/**
 * Published once {@link com.example.shop.PurchaseHooks#postRefund} has run for a refund or dispute event
 * of a purchase: once per event in this instance, like the hook. Features that follow refunds and
 * disputes listen for it, so that the webhook knows nothing of them. A listener that throws makes
 * the webhook answer 500, so Stripe delivers the event again later (and postRefund runs again, as it
 * may).
 */
public record RefundPosted(Refund refund) {
}
